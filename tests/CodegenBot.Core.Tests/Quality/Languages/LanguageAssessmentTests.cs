using CodegenBot.Core.Configuration;
using CodegenBot.Core.Quality;
using CodegenBot.Core.Quality.Languages;

namespace CodegenBot.Core.Tests.Quality.Languages;

/// <summary>The language analyzers inside the assessor: limits, documentation and naming reach the assessment.</summary>
public sealed class LanguageAssessmentTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("codegen-lang-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public async Task AssessAsync_PythonAndTypeScript_LimitsDocumentationAndNamingApply()
    {
        File.WriteAllText(Path.Combine(_root, "calc.py"), "def grade(score):\n    \"\"\"Grades.\"\"\"\n    if score > 90:\n        return 'A'\n    elif score > 80:\n        return 'B'\n    elif score > 70 and score < 75:\n        return 'C'\n    return 'F'\n\n\ndef undocumented():\n    return 1\n");
        File.WriteAllText(Path.Combine(_root, "util.ts"), "export function make_thing(): number {\n  return 1\n}\n");
        var languages = new Dictionary<string, LanguageOptions>
        {
            ["python"] = new() { Thresholds = new LanguageThresholdOptions { MaxCyclomaticComplexity = 3 } },
            ["typescript"] = AnalyzerTesting.Options(("function", "camelCase")),
        };
        ILanguageAnalyzer[] analyzers = [new PythonAnalyzer(), new TypeScriptAnalyzer(), new GenericTextAnalyzer()];

        var assessment = await new QualityAssessor(analyzers, [], new QualityOptions(), languages).AssessAsync(_root, ["calc.py", "util.ts"], cancellationToken: TestContext.Current.CancellationToken);

        Assert.Contains(assessment.Findings, f => f is { File: "calc.py", Line: 1, RuleId: LimitRules.Cyclomatic });
        Assert.Contains(assessment.Findings, f => f is { File: "util.ts", Line: 1, RuleId: LimitRules.Naming });
        Assert.True(assessment.Scores.Single(s => s.Dimension == QualityDimension.Documentation).Score < 100);
        Assert.Equal(["calc.py", "util.ts"], assessment.AnalyzedFiles);
    }
}
