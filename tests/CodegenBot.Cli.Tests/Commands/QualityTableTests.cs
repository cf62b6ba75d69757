using CodegenBot.Cli.Commands;
using CodegenBot.Core.Quality;
using CodegenBot.Core.Quality.Analysis;
using CodegenBot.Core.Quality.Output;
using CodegenBot.Core.Quality.Validation;

namespace CodegenBot.Cli.Tests.Commands;

public sealed class QualityTableTests
{
    private static readonly Finding Sql = new()
    {
        File = "src/Repo.cs", Line = 42, Column = 17, RuleId = "CG5001", Dimension = QualityDimension.Security, Severity = FindingSeverity.Error,
        Message = "SQL built from [user] input.", FixHint = "use a parameterised command", Cwe = 89,
    };

    [Fact]
    public void Render_FullReport_ShowsEverySection()
    {
        var report = new QualityReport
        {
            BaseRef = "main",
            Assessment = new QualityAssessment
            {
                Findings = [Sql],
                PreexistingFindings = [Sql with { Line = 7 }],
                Scores = [new DimensionScore(QualityDimension.Security, 75, 80)],
                Overall = 75,
                OverallThreshold = 70,
                AnalyzedFiles = ["src/Repo.cs"],
                SkippedFiles = [],
                Files = [new FileAnalysis { Path = "src/Repo.cs", Language = "csharp", Functions = [new FunctionMetrics { Name = "Repo.Find", Line = 40, EndLine = 50, CyclomaticComplexity = 9 }] }],
            },
            Validation = new ValidationRun(
            [
                new CommandOutcome(new CommandResult(new ValidationCommand("dotnet build", ValidationKind.Build, "dotnet", ["build"]), null, false, true, TimeSpan.Zero, "", false), null, []),
            ]),
        };

        var text = QualityTable.Render(report);

        Assert.StartsWith("Quality: BELOW THE THRESHOLD; overall 75 (threshold 70)\nFiles: 1 analysed, 0 without an analyzer; changes since main\n", text.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.Contains("│ Security  │ 75    │ 80        │ FAILED │", text, StringComparison.Ordinal);
        Assert.Contains("│ Overall   │ 75    │ 70        │ passed │", text, StringComparison.Ordinal);
        Assert.Contains("│ error    │ src/Repo.cs:42:17 │ CG5001 (CWE-89) │ security  │ SQL built from [user] input. Fix: use a parameterised command │", text, StringComparison.Ordinal);
        Assert.Contains("Pre-existing findings (in main, not scored): 1", text, StringComparison.Ordinal);
        Assert.Contains("│ Repo.Find │ src/Repo.cs:40 │ 9", text, StringComparison.Ordinal);
        Assert.Contains("Validation: passed", text, StringComparison.Ordinal);
        Assert.Contains("│ dotnet build │ dotnet build │ not installed │ -     │", text, StringComparison.Ordinal);
    }
}
