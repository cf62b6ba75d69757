using CodegenBot.Core.Configuration;
using CodegenBot.Core.Context;
using CodegenBot.Core.Context.RepoMap;
using CodegenBot.Core.Generation;
using CodegenBot.Core.Pipeline;
using CodegenBot.Core.Quality;
using CodegenBot.Core.Reporting;
using CodegenBot.Core.Requests;
using CodegenBot.Core.Resilience;
using CodegenBot.Core.Workspace;
using CodegenBot.Testing;

namespace CodegenBot.Core.Tests.Reporting;

public sealed class ReportRendererTests
{
    [Fact]
    public void Render_SuccessAfterARetry_MatchesTheGoldenFile() => AssertGolden("success-after-retry.md", Outcome(succeeded: true, dryRun: false));

    [Fact]
    public void Render_GaveUp_MatchesTheGoldenFile() => AssertGolden("gave-up.md", Outcome(succeeded: false, dryRun: false));

    [Fact]
    public void Render_DryRun_ShowsTheDiffOpen()
    {
        var report = new ReportRenderer(new TemplateRenderer(null)).Render(Outcome(succeeded: true, dryRun: true));

        Assert.Contains("<details open><summary>Diff</summary>", report, StringComparison.Ordinal);
        Assert.Contains("+    public int Subtract(int a, int b) => a - b;", report, StringComparison.Ordinal);
    }

    private static void AssertGolden(string name, GenerationOutcome outcome)
    {
        var report = new ReportRenderer(new TemplateRenderer(null)).Render(outcome);
        var path = RepositoryPaths.Combine($"tests/CodegenBot.Core.Tests/Reporting/Golden/{name}");
        if (Environment.GetEnvironmentVariable("UPDATE_GOLDEN") == "1")
        {
            File.WriteAllText(path, report);
        }

        // To accept an intended change: UPDATE_GOLDEN=1 dotnet test --filter ReportRendererTests, then review the diff.
        Assert.Equal(File.ReadAllText(path), report);
    }

    private static GenerationOutcome Outcome(bool succeeded, bool dryRun)
    {
        var finding = new Finding
        {
            File = "src/Calculator.cs", Line = 6, Column = 49, RuleId = "CS1002", Dimension = QualityDimension.Correctness,
            Severity = FindingSeverity.Error, Message = "; expected", FixHint = "correct the syntax so the file parses",
        };
        var failed = new AttemptRecord
        {
            Number = 1,
            Failure = RetryReason.QualityThreshold,
            FailureSummary = "1 finding(s), Correctness 75/100",
            Assessment = new QualityAssessment
            {
                Findings = [finding],
                Scores = [new DimensionScore(QualityDimension.Correctness, 75, 100)],
                Overall = 75,
                OverallThreshold = 80,
                AnalyzedFiles = ["src/Calculator.cs"],
                SkippedFiles = [],
            },
            Edits = [new AppliedEdit("src/Calculator.cs", EditKind.Modified, 1, 2)],
            InputTokens = 1200,
            OutputTokens = 80,
            Duration = TimeSpan.FromMilliseconds(1500),
            Changes = new ChangeSet(["src/Calculator.cs"], "--- a/src/Calculator.cs\n+++ b/src/Calculator.cs\n+    public int Subtract(int a, int b) => a - b\n", 1, 0),
        };
        var passed = failed with
        {
            Number = 2,
            Failure = null,
            FailureSummary = null,
            Assessment = failed.Assessment with { Findings = [], Scores = [new DimensionScore(QualityDimension.Correctness, 100, 100)], Overall = 100 },
            Changes = new ChangeSet(["src/Calculator.cs"], "--- a/src/Calculator.cs\n+++ b/src/Calculator.cs\n+    public int Subtract(int a, int b) => a - b;\n", 1, 0),
            Duration = TimeSpan.FromMilliseconds(900),
        };

        return new GenerationOutcome
        {
            Request = new GenerationRequest { RepositoryPath = "/repo", Task = "Add a Subtract method to src/Calculator.cs", DryRun = dryRun },
            Model = new ModelSelection(ModelProvider.OpenaiCompatible, new Uri("http://127.0.0.1:1/v1"), "test-model", null),
            Succeeded = succeeded,
            GiveUpReason = succeeded ? null : "No attempt passed the checks after 1 attempt(s); the last failed with QUALITY_THRESHOLD: 1 finding(s), Correctness 75/100.",
            Branch = "codegen/add-a-subtract-method",
            BaseBranch = "main",
            BaseSha = "0123456789abcdef0123456789abcdef01234567",
            CommitSha = succeeded && !dryRun ? "fedcba9876543210fedcba9876543210fedcba98" : null,
            Attempts = succeeded ? [failed, passed] : [failed],
            Context = new GatheredContext
            {
                Files = [new ContextFile("src/Calculator.cs", "class Calculator { }\n", "named in the task", 42)],
                RepoMap = "README.md:\n",
                DirectorySummary = "",
                Coverage =
                [
                    new CoverageEntry("src/Calculator.cs", CoverageTier.FullText, 42, 1.8, ["named in the task"]),
                    new CoverageEntry("src/Program.cs", CoverageTier.Signatures, 12, 0.4, ["uses or is used by the relevant files"]),
                    new CoverageEntry("README.md", CoverageTier.DirectorySummary, 0, 0.1, []),
                ],
                MentionedButMissing = [],
                Warnings = succeeded ? [] : ["src/Big.cs is named in the task but did not fit in full (sent as signatures); raise context.token_budget or name fewer files."],
                TeamInstructions = [new TeamDocument("AGENTS.md", "Use xunit.\n", false)],
                TeamStandards = ["Use xunit."],
                Profile = "Languages: csharp 2 files / 20 lines\n",
                TokenCount = 60,
                TokenBudget = 24000,
                Index = new IndexStatistics(3, 3, 0, false),
                Phases = [new ContextPhase("index", TimeSpan.FromMilliseconds(5))],
            },
            Timings = [new StageTiming("context", TimeSpan.FromMilliseconds(35)), new StageTiming("model", TimeSpan.FromSeconds(2.25))],
            CallRetries = new Dictionary<RetryReason, (int, TimeSpan)> { [RetryReason.RateLimit] = (1, TimeSpan.FromSeconds(2)) },
        };
    }
}
