using CodegenBot.Core.Configuration;
using CodegenBot.Core.Quality;
using CodegenBot.Core.Quality.Rules;

namespace CodegenBot.Core.Tests.Quality;

public sealed class QualityAssessorTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("codegen-assess-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public async Task AssessAsync_SyntaxError_FailsCorrectnessAgainstItsThreshold()
    {
        File.WriteAllText(Path.Combine(_root, "a.cs"), "class A { void M() { int x = 1 } }\n");

        var assessment = await new QualityAssessor([new CSharpSyntaxAnalyzer()], [], new QualityOptions()).AssessAsync(_root, ["a.cs"], cancellationToken: TestContext.Current.CancellationToken);

        Assert.False(assessment.Passed);
        Assert.Equal(Enum.GetValues<QualityDimension>(), assessment.Scores.Select(s => s.Dimension));
        var score = assessment.Scores.Single(s => s.Dimension == QualityDimension.Correctness);
        Assert.Equal((QualityDimension.Correctness, 75.0, 100.0), (score.Dimension, score.Score, score.Threshold));
    }

    [Fact]
    public async Task AssessAsync_FilesNoAnalyzerHandles_AreSkippedAndPass()
    {
        File.WriteAllText(Path.Combine(_root, "notes.md"), "# hi\n");

        var assessment = await new QualityAssessor([new CSharpSyntaxAnalyzer()], [], new QualityOptions()).AssessAsync(_root, ["notes.md", "deleted.cs"], cancellationToken: TestContext.Current.CancellationToken);

        Assert.True(assessment.Passed);
        Assert.Equal(["deleted.cs", "notes.md"], assessment.SkippedFiles);
    }

    [Fact]
    public async Task AssessAsync_LowerThreshold_LetsOneErrorPass()
    {
        File.WriteAllText(Path.Combine(_root, "a.cs"), "class A { void M() { int x = 1 } }\n");
        var options = new QualityOptions { Thresholds = new QualityOptions().Thresholds with { Correctness = 70 } };

        var assessment = await new QualityAssessor([new CSharpSyntaxAnalyzer()], [], options).AssessAsync(_root, ["a.cs"], cancellationToken: TestContext.Current.CancellationToken);

        Assert.True(assessment.Passed);
        Assert.Single(assessment.Findings);
    }

    [Fact]
    public async Task AssessAsync_ShippedRules_ReportASecurityFindingUnlessTheLanguageDisablesIt()
    {
        File.WriteAllText(Path.Combine(_root, "Store.cs"), "class Store\n{\n    object Find(string name) => Query(\"SELECT * FROM Users WHERE Name = '\" + name + \"'\");\n}\n");
        var disabled = new Dictionary<string, LanguageOptions>
        {
            ["csharp"] = new() { Rules = new Dictionary<string, RuleOptions> { ["CG5001"] = new() { Enabled = false } } },
        };

        var on = await new QualityAssessor([new CSharpSyntaxAnalyzer()], RuleCatalog.All(), new QualityOptions()).AssessAsync(_root, ["Store.cs"], cancellationToken: TestContext.Current.CancellationToken);
        var off = await new QualityAssessor([new CSharpSyntaxAnalyzer()], RuleCatalog.All(), new QualityOptions(), disabled).AssessAsync(_root, ["Store.cs"], cancellationToken: TestContext.Current.CancellationToken);

        var finding = Assert.Single(on.Findings, f => f.RuleId == "CG5001");
        Assert.Equal((3, 39, QualityDimension.Security, 89), (finding.Line, finding.Column, finding.Dimension, finding.Cwe));
        Assert.True(on.Scores.Single(s => s.Dimension == QualityDimension.Security).Score < 100);
        Assert.DoesNotContain(off.Findings, f => f.RuleId == "CG5001");
    }
}
