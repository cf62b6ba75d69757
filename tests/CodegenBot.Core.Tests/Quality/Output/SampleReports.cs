using CodegenBot.Core.Quality;
using CodegenBot.Core.Quality.Analysis;
using CodegenBot.Core.Quality.Output;
using CodegenBot.Core.Quality.Validation;

namespace CodegenBot.Core.Tests.Quality.Output;

/// <summary>Reports with one finding of every kind the renderers treat differently.</summary>
internal static class SampleReports
{
    public static Finding Sql { get; } = new()
    {
        File = "src/Orders/OrderRepository.cs", Line = 42, Column = 17, RuleId = "CG5001", Dimension = QualityDimension.Security,
        Severity = FindingSeverity.Error, Message = "SQL built from user input reaches ExecuteReader", FixHint = "use a parameterised command", Cwe = 89,
    };

    public static Finding Complex { get; } = new()
    {
        File = "src/Orders/OrderService.cs", Line = 10, Column = 5, RuleId = "CG2001", Dimension = QualityDimension.Maintainability,
        Severity = FindingSeverity.Warning, Message = "OrderService.Place has cyclomatic complexity 14 (limit 10)",
        FixHint = "split the decisions into smaller functions or replace conditionals with lookups",
    };

    public static Finding LongLine { get; } = new()
    {
        File = "src/Orders/OrderService.cs", Line = 3, Column = 121, RuleId = "CG1001", Dimension = QualityDimension.Readability,
        Severity = FindingSeverity.Info, Message = "line 3 is longer than 120 characters", FixHint = "wrap the long lines",
    };

    public static QualityReport Failing(string? baseRef = "main", ValidationRun? validation = null) => new()
    {
        BaseRef = baseRef,
        Validation = validation,
        Assessment = new QualityAssessment
        {
            Findings = [Sql, Complex],
            PreexistingFindings = [LongLine],
            Scores =
            [
                new DimensionScore(QualityDimension.Readability, 100, 60),
                new DimensionScore(QualityDimension.Maintainability, 97.5, 60),
                new DimensionScore(QualityDimension.Correctness, 100, 100),
                new DimensionScore(QualityDimension.Performance, 100, 60),
                new DimensionScore(QualityDimension.Security, 75, 80),
                new DimensionScore(QualityDimension.Documentation, 50, 40),
                new DimensionScore(QualityDimension.Testing, 100, 40),
            ],
            Overall = 88.4,
            OverallThreshold = 70,
            AnalyzedFiles = ["src/Orders/OrderRepository.cs", "src/Orders/OrderService.cs"],
            SkippedFiles = ["README.md"],
            Files =
            [
                new FileAnalysis
                {
                    Path = "src/Orders/OrderRepository.cs", Language = "csharp", Lines = 60, CodeLines = 48,
                    Functions = [new FunctionMetrics { Name = "OrderRepository.Find", Line = 40, EndLine = 50, CyclomaticComplexity = 3, CognitiveComplexity = 2, MaxNestingDepth = 1, CodeLines = 9 }],
                },
                new FileAnalysis
                {
                    Path = "src/Orders/OrderService.cs", Language = "csharp", Lines = 80, CodeLines = 70,
                    Functions =
                    [
                        new FunctionMetrics { Name = "OrderService.Place", Line = 10, EndLine = 60, CyclomaticComplexity = 14, CognitiveComplexity = 21, MaxNestingDepth = 4, CodeLines = 45, Parameters = 3 },
                        new FunctionMetrics { Name = "OrderService.Cancel", Line = 62, EndLine = 70, CyclomaticComplexity = 3, CognitiveComplexity = 4, MaxNestingDepth = 2, CodeLines = 7 },
                    ],
                },
            ],
            FileScores = [new FileScore("src/Orders/OrderRepository.cs", "csharp", 48, 80, []), new FileScore("src/Orders/OrderService.cs", "csharp", 70, 95, [])],
        },
    };

    public static ValidationRun FailedTests() => new(
    [
        new CommandOutcome(
            new CommandResult(new ValidationCommand("dotnet test", ValidationKind.Test, "dotnet", ["test"]), 1, false, false, TimeSpan.FromSeconds(12.3), "", false),
            new TestResults(10, 1, 0, [new TestFailure("OrderTests.Place_Empty_Throws", "Assert.Throws() Failure\nstack")]),
            []),
    ]);
}
