using CodegenBot.Core;
using CodegenBot.Core.Configuration;
using CodegenBot.Core.Generation;
using CodegenBot.Core.Pipeline;
using CodegenBot.Core.Quality;
using CodegenBot.Core.Quality.CSharp;
using CodegenBot.Core.Requests;
using CodegenBot.Core.Resilience;
using CodegenBot.Core.Tests.Context;
using CodegenBot.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace CodegenBot.Core.Tests.Pipeline;

public sealed class GenerationPipelineTests : IAsyncLifetime
{
    private const string Original = "namespace Demo;\n\npublic sealed class Calculator\n{\n    public int Add(int a, int b) => a + b;\n}\n";

    private FakeModelServer _server = null!;
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 24, 9, 0, 0, TimeSpan.Zero));
    private readonly string _cacheFolder = Directory.CreateTempSubdirectory("codegen-ctx-").FullName;
    private readonly TempGitRepository _repo = TempGitRepository.WithFiles(("src/Calculator.cs", Original), ("README.md", "# Demo\n"));

    public async ValueTask InitializeAsync() => _server = await FakeModelServer.StartAsync(TestContext.Current.CancellationToken);

    public async ValueTask DisposeAsync()
    {
        await _server.DisposeAsync();
        _repo.Dispose();
        Directory.Delete(_cacheFolder, recursive: true);
    }

    [Fact]
    public async Task RunAsync_SyntaxErrorThenGoodAnswer_CommitsTheSecondAndRecordsBothAttempts()
    {
        _server.Enqueue(FakeResponse.Text(SubtractEdit("    public int Subtract(int a, int b) => a - b\n")));
        _server.Enqueue(FakeResponse.Text(SubtractEdit("    public int Subtract(int a, int b) => a - b;\n")));

        var outcome = await RunAsync();

        Assert.True(outcome.Succeeded, outcome.GiveUpReason);
        Assert.Equal(2, outcome.Attempts.Count);
        Assert.Equal(RetryReason.QualityThreshold, outcome.Attempts[0].Failure);
        var finding = Assert.Single(outcome.Attempts[0].Assessment!.Findings);
        Assert.Equal(("src/Calculator.cs", 6, "CS1002"), (finding.File, finding.Line, finding.RuleId));
        Assert.Null(outcome.Attempts[1].Failure);
        Assert.Equal(outcome.CommitSha, _repo.BranchTipSha(outcome.Branch));
        Assert.Contains("public int Subtract(int a, int b) => a - b;", _repo.FileAtBranch(outcome.Branch, "src/Calculator.cs"), StringComparison.Ordinal);
        Assert.Contains("Generated-by: CodegenBot (test-model)", _repo.CommitMessage(outcome.Branch), StringComparison.Ordinal);
        Assert.Equal(Original, _repo.ReadFile("src/Calculator.cs"));
        Assert.True(_repo.IsClean, _repo.Status());
    }

    [Fact]
    public async Task RunAsync_RetryAfterAFinding_SendsTheFindingAndTheOriginalFileInTheNextPrompt()
    {
        _server.Enqueue(FakeResponse.Text(SubtractEdit("    public int Subtract(int a, int b) => a - b\n")));
        _server.Enqueue(FakeResponse.Text(SubtractEdit("    public int Subtract(int a, int b) => a - b;\n")));

        var outcome = await RunAsync();

        var second = _server.Requests[1].Messages.Single(m => m.Role == "user").Content;
        Assert.Contains("## Attempt 1: 1 finding(s), Correctness 75/100", second, StringComparison.Ordinal);
        Assert.Contains("- [ERROR] src/Calculator.cs:6: ; expected (CS1002); fix: correct the syntax so the file parses\n", second, StringComparison.Ordinal);
        Assert.Contains("## What to change\n- Make every edited file compile", second, StringComparison.Ordinal);
        Assert.Equal("src/Calculator.cs:6:47: CS1002 ; expected (correct the syntax so the file parses)", outcome.Attempts[0].Assessment!.Findings[0].ToString());
        Assert.Contains(Original, second, StringComparison.Ordinal);
        Assert.Contains("This is attempt 2 of at most 3.", second, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_FirstPrompt_CarriesTaskModeContextAndTheEditProtocol()
    {
        _repo.WriteFile("AGENTS.md", "Always write xunit tests.\n").Commit("agents");
        _server.Enqueue(FakeResponse.Text("CalculatorTests.Subtract_Works reproduces it.\n\n" + SubtractEdit("    public int Subtract(int a, int b) => a - b;\n")));

        await RunAsync(mode: GenerationMode.Bugfix);

        var request = _server.Requests.Single();
        Assert.Equal("test-model", request.Model);
        var system = request.Messages.Single(m => m.Role == "system").Content;
        var user = request.Messages.Single(m => m.Role == "user").Content;
        Assert.Contains("<<<<<<< SEARCH", system, StringComparison.Ordinal);
        Assert.Contains(".github/workflows/**", system, StringComparison.Ordinal);
        Assert.Contains("# Task (bug fixing)", user, StringComparison.Ordinal);
        Assert.Contains("add (or name) a test that reproduces the bug", user, StringComparison.Ordinal);
        Assert.Contains("Always write xunit tests.", user, StringComparison.Ordinal);
        Assert.Contains("## src/Calculator.cs (named in the task", user, StringComparison.Ordinal);
        Assert.Contains("Start processes with ProcessStartInfo.ArgumentList", user, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_AnswersWithoutEdits_GivesUpAfterMaxAttemptsAndKeepsNoBranch()
    {
        _server.Respond(_ => FakeResponse.Text("I would rather not change anything."));

        var outcome = await RunAsync(configure: o => o with { Retry = o.Retry with { Budget = o.Retry.Budget with { StopWithoutProgress = false } } });

        Assert.False(outcome.Succeeded);
        Assert.Equal(3, outcome.Attempts.Count);
        Assert.All(outcome.Attempts, a => Assert.Equal(RetryReason.ValidationFailed, a.Failure));
        Assert.Contains("no SEARCH/REPLACE blocks", outcome.Attempts[0].Problems.Single(), StringComparison.Ordinal);
        Assert.StartsWith("No attempt passed the checks after 3 attempt(s); the last failed with VALIDATION_FAILED", outcome.GiveUpReason, StringComparison.Ordinal);
        Assert.DoesNotContain(outcome.Branch, _repo.Branches);
        Assert.True(_repo.IsClean, _repo.Status());
    }

    [Fact]
    public async Task RunAsync_SameFailureTwice_StopsEarlyForLackOfProgress()
    {
        _server.Respond(_ => FakeResponse.Text("I would rather not change anything."));

        var outcome = await RunAsync();

        Assert.Equal(2, outcome.Attempts.Count);
        Assert.StartsWith("Stopped after 2 attempt(s): attempt 2 failed with the same VALIDATION_FAILED findings as attempt 1", outcome.GiveUpReason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_TokenBudgetSpent_StopsWithTheFigures()
    {
        _server.Enqueue(FakeResponse.Text(SubtractEdit("    public int Subtract(int a, int b) => a - b\n"), promptTokens: 900, completionTokens: 200));
        _server.Respond(_ => FakeResponse.Text(SubtractEdit("    public int Subtract(int a, int b) => a - b;\n")));

        var outcome = await RunAsync(configure: o => o with { Retry = o.Retry with { Budget = o.Retry.Budget with { MaxTokens = 1000 } } });

        Assert.False(outcome.Succeeded);
        Assert.Single(outcome.Attempts);
        Assert.Equal("Stopped after 1 attempt(s): the run used 1,100 tokens, the budget is 1,000 (retry.budget.max_tokens).", outcome.GiveUpReason);
    }

    [Fact]
    public async Task RunAsync_CostBudgetSpent_StopsAndPricesTheAttempt()
    {
        _server.Enqueue(FakeResponse.Text(SubtractEdit("    public int Subtract(int a, int b) => a - b\n"), promptTokens: 1_000_000, completionTokens: 100_000));

        var outcome = await RunAsync(configure: o => o with
        {
            Model = o.Model with { Prices = new Dictionary<string, ModelPrice> { ["test-model"] = new() { Input = 1.0, Output = 10.0 } } },
            Retry = o.Retry with { Budget = o.Retry.Budget with { MaxCostUsd = 1.5 } },
        });

        Assert.Equal(2.0, outcome.Attempts[0].Cost!.Value, 6);
        Assert.Equal("Stopped after 1 attempt(s): the run cost $2.0000, the budget is $1.5000 (retry.budget.max_cost_usd).", outcome.GiveUpReason);
    }

    [Fact]
    public async Task RunAsync_WallTimeBudgetSpent_Stops()
    {
        _server.Respond(_ =>
        {
            _time.Advance(TimeSpan.FromSeconds(2)); // the model's answer takes simulated time, so the budget is certainly spent
            return FakeResponse.Text(SubtractEdit("    public int Subtract(int a, int b) => a - b\n"));
        });

        var outcome = await RunAsync(configure: o => o with { Retry = o.Retry with { Budget = o.Retry.Budget with { MaxWallTime = TimeSpan.FromSeconds(1) } } });

        Assert.Single(outcome.Attempts);
        Assert.Contains("(retry.budget.max_wall_time)", outcome.GiveUpReason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_ManyFindings_FeedbackListsTheWorstAndCountsTheRest()
    {
        var fields = string.Concat(Enumerable.Range(1, 40).Select(i => $"    private int Bad_Name{i};\n"));
        _server.Enqueue(FakeResponse.Text(SubtractEdit(fields + "    public int Subtract(int a, int b) => a - b;\n")));
        _server.Enqueue(FakeResponse.Text(SubtractEdit("    public int Subtract(int a, int b) => a - b;\n")));

        var outcome = await RunAsync();

        Assert.True(outcome.Succeeded, outcome.GiveUpReason);
        Assert.Equal(RetryReason.QualityThreshold, outcome.Attempts[0].Failure);
        var second = _server.Requests[1].Messages[^1].Content;
        Assert.Contains("private field 'Bad_Name1' is not _camelCase (CG1002)", second, StringComparison.Ordinal);
        Assert.Contains($"... and {40 - GenerationPipeline.MaxFeedbackFindings} more item(s) of lower impact, not listed.", second, StringComparison.Ordinal);
        Assert.DoesNotContain("Bad_Name40'", second, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_BugfixWithoutATest_IsRetriedWithTheCriterionAsFeedback()
    {
        _server.Enqueue(FakeResponse.Text(SubtractEdit("    public int Subtract(int a, int b) => a - b;\n")));
        _server.Enqueue(FakeResponse.Text("CalculatorTests.Subtract_Works covers it.\n\n" + SubtractEdit("    public int Subtract(int a, int b) => a - b;\n")));

        var outcome = await RunAsync(mode: GenerationMode.Bugfix);

        Assert.True(outcome.Succeeded, outcome.GiveUpReason);
        Assert.Equal(RetryReason.ValidationFailed, outcome.Attempts[0].Failure);
        Assert.StartsWith("A bug fix must add or change a test", outcome.Attempts[0].Problems.Single(), StringComparison.Ordinal);
        Assert.Contains("A bug fix must add or change a test", _server.Requests[1].Messages[^1].Content, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_ChangeBreaksTheRepositorysOwnTest_IsRetriedWithTheFailingTest()
    {
        _server.Enqueue(FakeResponse.Text(SubtractEdit("    public int Subtract(int a, int b) => a + b; // BROKEN\n")));
        _server.Enqueue(FakeResponse.Text(SubtractEdit("    public int Subtract(int a, int b) => a - b;\n")));

        var outcome = await RunAsync(configure: Validation(JUnitCheck()));

        Assert.True(outcome.Succeeded, outcome.GiveUpReason);
        Assert.Equal(RetryReason.ValidationFailed, outcome.Attempts[0].Failure);
        Assert.Equal("calc-tests: 1 test(s) fail that passed before this change: calc.Subtract: subtract adds", outcome.Attempts[0].Problems.Single());
        Assert.Contains("- [VALIDATION] test calc.Subtract fails: subtract adds\n", _server.Requests[1].Messages[^1].Content, StringComparison.Ordinal);
        Assert.Contains("- Make the failing tests pass by fixing the code", _server.Requests[1].Messages[^1].Content, StringComparison.Ordinal);
        var final = outcome.Attempts[1].Validation!.Commands.Single();
        Assert.Equal((0, 1, 0), (final.Result.ExitCode, final.Tests!.Passed, final.Tests.Failed));
        Assert.True(outcome.Baseline!.Commands.Single().Result.Succeeded);
        Assert.Null(_repo.FileAtBranch(outcome.Branch, ".codegen/validation/junit.xml"));
        var report = new CodegenBot.Core.Reporting.ReportRenderer(new TemplateRenderer(_repo.Path)).Render(outcome);
        Assert.Contains("### Validation (the repository's own checks, run by CodegenBot)", report, StringComparison.Ordinal);
        Assert.Contains("| calc-tests | `sh -c", report, StringComparison.Ordinal);
        Assert.Contains("| passed | 1 passed, 0 failed, 0 skipped |", report, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_CheckAlreadyFailingOnTheBaseCommit_IsNotBlamedOnTheChange()
    {
        _server.Enqueue(FakeResponse.Text(SubtractEdit("    public int Subtract(int a, int b) => a - b;\n")));

        var outcome = await RunAsync(configure: Validation(new ValidationCommandOptions { Name = "always-red", Run = ["sh", "-c", "echo broken on main; exit 1"] }));

        Assert.True(outcome.Succeeded, outcome.GiveUpReason);
        Assert.False(outcome.Baseline!.Commands.Single().Result.Succeeded);
        Assert.Equal(1, outcome.Attempts.Single().Validation!.Commands.Single().Result.ExitCode);
    }

    private static Func<CodegenOptions, CodegenOptions> Validation(params ValidationCommandOptions[] commands) =>
        o => o with { Quality = o.Quality with { Validation = o.Quality.Validation with { Commands = commands } } };

    /// <summary>A "test suite" that writes JUnit XML: calc.Subtract fails when the file is marked BROKEN.</summary>
    private static ValidationCommandOptions JUnitCheck() => new()
    {
        Name = "calc-tests",
        Run =
        [
            "sh", "-c",
            "mkdir -p .codegen/validation; if grep -q BROKEN src/Calculator.cs; then r='<failure message=\"subtract adds\"/>'; s=1; else r=''; s=0; fi; " +
            "printf '<testsuite><testcase classname=\"calc\" name=\"Subtract\">%s</testcase></testsuite>' \"$r\" > .codegen/validation/junit.xml; exit $s",
        ],
        Results = CodegenBot.Core.Quality.Validation.ResultFormat.JUnit,
        ResultsPath = ".codegen/validation/junit.xml",
    };

    [Fact]
    public async Task RunAsync_MalformedBlockThenGood_FeedsTheParseProblemBack()
    {
        _server.Enqueue(FakeResponse.Text("src/Calculator.cs\n```\n<<<<<<< SEARCH\n    public int Add(int a, int b) => a + b;\n```\n"));
        _server.Enqueue(FakeResponse.Text(SubtractEdit("    public int Subtract(int a, int b) => a - b;\n")));

        var outcome = await RunAsync();

        Assert.True(outcome.Succeeded);
        Assert.Contains("is not complete", outcome.Attempts[0].Problems.Single(), StringComparison.Ordinal);
        Assert.Contains("is not complete", _server.Requests[1].Messages[^1].Content, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_EditsOutsideTheRepository_AreRefusedAndNothingIsWrittenThere()
    {
        var outside = Path.Combine(Path.GetDirectoryName(_repo.Path)!, "escaped-" + Guid.NewGuid().ToString("N") + ".txt");
        var escaping = $"../{Path.GetFileName(outside)}\n```\n<<<<<<< SEARCH\n=======\npwned\n>>>>>>> REPLACE\n```\n" +
            ".github/workflows/ci.yml\n```\n<<<<<<< SEARCH\n=======\non: push\n>>>>>>> REPLACE\n```\n" +
            ".git/hooks/pre-commit\n```\n<<<<<<< SEARCH\n=======\nrm -rf /\n>>>>>>> REPLACE\n```\n";
        _server.Respond(_ => FakeResponse.Text(escaping));

        var outcome = await RunAsync();

        Assert.False(outcome.Succeeded);
        Assert.False(File.Exists(outside));
        var problems = outcome.Attempts[0].Problems;
        Assert.Equal(3, problems.Count);
        Assert.Contains(problems, p => p.Contains("contains '..'", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("is a protected path", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("is inside .git", StringComparison.Ordinal));
    }

    [Fact]
    public async Task RunAsync_RateLimitedWithRetryAfter_WaitsAsToldThenSucceeds()
    {
        _server.Enqueue(FakeResponse.Status(429, retryAfter: "0.2"));
        _server.Enqueue(FakeResponse.Text(SubtractEdit("    public int Subtract(int a, int b) => a - b;\n")));

        var outcome = await RunAsync();

        Assert.True(outcome.Succeeded, outcome.GiveUpReason);
        Assert.Equal(2, _server.Requests.Count);
        Assert.Equal((1, TimeSpan.FromMilliseconds(200)), outcome.CallRetries[RetryReason.RateLimit]);
    }

    [Theory]
    [InlineData("500", RetryReason.ApiError)]
    [InlineData("malformed", RetryReason.ApiError)]
    [InlineData("drop", RetryReason.NetworkError)]
    public async Task RunAsync_TransientFailureThenGood_RetriesTheCallUnderItsReason(string fault, RetryReason reason)
    {
        _server.Enqueue(Fault(fault));
        _server.Enqueue(FakeResponse.Text(SubtractEdit("    public int Subtract(int a, int b) => a - b;\n")));

        var outcome = await RunAsync();

        Assert.True(outcome.Succeeded, outcome.GiveUpReason);
        Assert.Equal(1, outcome.CallRetries[reason].Count);
        Assert.Single(outcome.Attempts);
    }

    [Fact]
    public async Task RunAsync_SlowModel_TimesOutAndRetries()
    {
        _server.Enqueue(FakeResponse.Delay(TimeSpan.FromSeconds(5), FakeResponse.Text("late")));
        _server.Enqueue(FakeResponse.Text(SubtractEdit("    public int Subtract(int a, int b) => a - b;\n")));

        var outcome = await RunAsync(configure: o => o with { Model = o.Model with { RequestTimeout = TimeSpan.FromMilliseconds(300) } });

        Assert.True(outcome.Succeeded, outcome.GiveUpReason);
        Assert.Equal(1, outcome.CallRetries[RetryReason.Timeout].Count);
    }

    [Fact]
    public async Task RunAsync_ServerKeepsFailing_GivesUpWithTheStatusAndKeepsNoBranch()
    {
        _server.Respond(_ => FakeResponse.Status(503));

        var outcome = await RunAsync();

        Assert.False(outcome.Succeeded);
        Assert.Equal(3, _server.Requests.Count);
        Assert.Equal(RetryReason.ApiError, outcome.Attempts.Single().Failure);
        Assert.Equal("The model could not be called (the model endpoint answered 503 ServiceUnavailable); check the endpoint and try again later.", outcome.GiveUpReason);
        Assert.DoesNotContain(outcome.Branch, _repo.Branches);
    }

    [Fact]
    public async Task RunAsync_BadApiKey_IsAUserErrorAndKeepsNoBranch()
    {
        _server.Respond(_ => FakeResponse.Status(401));

        var error = await Assert.ThrowsAsync<Core.Resilience.ModelAccessDeniedException>(() => RunAsync());

        Assert.Equal(401, error.Status);
        Assert.Contains("refused the credentials (401)", error.Message, StringComparison.Ordinal);
        Assert.Single(_server.Requests);
        Assert.Equal([_repo.CurrentBranch], _repo.Branches);
    }

    [Fact]
    public async Task RunAsync_RequestRejected_GivesUpWithTheStatusWithoutRetrying()
    {
        _server.Respond(_ => FakeResponse.Status(400));

        var outcome = await RunAsync();

        Assert.False(outcome.Succeeded);
        Assert.Single(_server.Requests);
        Assert.Equal("The model could not be called (the model endpoint answered 400 BadRequest); check the endpoint and try again later.", outcome.GiveUpReason);
    }

    [Fact]
    public async Task RunAsync_DryRun_ReportsTheChangeButCommitsNothing()
    {
        _server.Enqueue(FakeResponse.Text(SubtractEdit("    public int Subtract(int a, int b) => a - b;\n")));

        var outcome = await RunAsync(dryRun: true);

        Assert.True(outcome.Succeeded);
        Assert.Null(outcome.CommitSha);
        Assert.Contains("+    public int Subtract(int a, int b) => a - b;", outcome.Changes!.Diff, StringComparison.Ordinal);
        Assert.Equal([_repo.CurrentBranch], _repo.Branches);
    }

    [Fact]
    public async Task RunAsync_DirtyWorkTree_RefusesBeforeCallingTheModel()
    {
        _repo.WriteFile("src/Calculator.cs", "// my unfinished work\n");

        var error = await Assert.ThrowsAsync<UserErrorException>(() => RunAsync());

        Assert.Contains("uncommitted change(s) (src/Calculator.cs)", error.Message, StringComparison.Ordinal);
        Assert.Empty(_server.Requests);
        Assert.Equal("// my unfinished work\n", _repo.ReadFile("src/Calculator.cs"));
    }

    [Fact]
    public async Task RunAsync_RepositoryOverridesAModeTemplate_UsesTheOverride()
    {
        _repo.WriteFile(".github/codegen/templates/prompts/modes/feature.liquid", "HOUSE RULE: feature work needs a feature flag.\n").Commit("template");
        _server.Enqueue(FakeResponse.Text(SubtractEdit("    public int Subtract(int a, int b) => a - b;\n")));

        await RunAsync();

        Assert.Contains("HOUSE RULE: feature work needs a feature flag.", _server.Requests[0].Messages[^1].Content, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_ToolProtocol_ReadsEditsAndFinishes()
    {
        _server.Enqueue(FakeResponse.ToolCalls(("read_file", "{\"path\":\"src/Calculator.cs\"}")));
        _server.Enqueue(FakeResponse.ToolCalls(("edit_file", EditArguments("src/Calculator.cs", "    public int Add(int a, int b) => a + b;", "    public int Add(int a, int b) => a + b;\n    public int Subtract(int a, int b) => a - b;"))));
        _server.Enqueue(FakeResponse.ToolCalls(("finish", "{\"summary\":\"Added Subtract.\"}")));

        var outcome = await RunAsync(configure: Tools());

        Assert.True(outcome.Succeeded, outcome.GiveUpReason);
        var edit = Assert.Single(outcome.Attempts[0].Edits);
        Assert.Equal(("src/Calculator.cs", EditKind.Modified, MatchKind.Exact), (edit.Path, edit.Kind, edit.Match));
        Assert.Contains("public int Subtract(int a, int b) => a - b;", _repo.FileAtBranch(outcome.Branch, "src/Calculator.cs"), StringComparison.Ordinal);
        Assert.Equal(3, _server.Requests.Count);
        Assert.Contains("read_file", _server.Requests[0].ToolNames);
        Assert.Contains(_server.Requests[1].Messages, m => m.Role == "tool" && m.Content.Contains("public sealed class Calculator", StringComparison.Ordinal));
        Assert.Contains("edit_file(path, search, replace)", _server.Requests[0].Messages[0].Content, StringComparison.Ordinal);
        Assert.DoesNotContain("<<<<<<< SEARCH", _server.Requests[0].Messages[0].Content, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_ToolProtocol_EscapingWriteIsRefusedAndTheModelIsTold()
    {
        _server.Enqueue(FakeResponse.ToolCalls(("write_file", "{\"path\":\"../outside.cs\",\"content\":\"class X {}\"}")));
        _server.Enqueue(FakeResponse.ToolCalls(("edit_file", EditArguments("src/Calculator.cs", "    public int Add(int a, int b) => a + b;", "    public int Add(int a, int b) => a + b;\n    public int Subtract(int a, int b) => a - b;"))));
        _server.Enqueue(FakeResponse.ToolCalls(("finish", "{\"summary\":\"Added Subtract.\"}")));

        var outcome = await RunAsync(configure: Tools());

        Assert.True(outcome.Succeeded, outcome.GiveUpReason);
        Assert.False(File.Exists(Path.Combine(Path.GetDirectoryName(_repo.Path)!, "outside.cs")));
        Assert.Contains(_server.Requests[1].Messages, m => m.Role == "tool" && m.Content.Contains("error:", StringComparison.Ordinal));
    }

    [Fact]
    public async Task RunAsync_ToolProtocol_AmbiguousEditGetsActionableFeedback()
    {
        _server.Enqueue(FakeResponse.ToolCalls(("write_file", "{\"path\":\"src/Twice.cs\",\"content\":\"// x();\\n// x();\\n\"}")));
        _server.Enqueue(FakeResponse.ToolCalls(("edit_file", EditArguments("src/Twice.cs", "// x();", "// y();"))));
        _server.Enqueue(FakeResponse.ToolCalls(("finish", "{\"summary\":\"Added Twice.cs.\"}")));

        var outcome = await RunAsync(configure: Tools());

        Assert.True(outcome.Succeeded, outcome.GiveUpReason);
        Assert.Contains(_server.Requests[2].Messages, m => m.Role == "tool" && m.Content.Contains("matched 2 places in src/Twice.cs (lines 1, 2); include more surrounding lines", StringComparison.Ordinal));
        Assert.Equal(EditKind.Created, Assert.Single(outcome.Attempts[0].Edits).Kind);
    }

    [Fact]
    public async Task RunAsync_ToolProtocol_RefusedEditNeverMadeGood_FailsEvenIfAnotherEditApplied()
    {
        _server.Enqueue(FakeResponse.ToolCalls(("edit_file", EditArguments("src/Calculator.cs", "no such text", "x"))));
        _server.Enqueue(FakeResponse.ToolCalls(("write_file", "{\"path\":\"src/Other.cs\",\"content\":\"// other\\n\"}")));
        _server.Enqueue(FakeResponse.ToolCalls(("finish", "{\"summary\":\"half done\"}")));

        var outcome = await RunAsync(configure: ToolsOneAttempt());

        Assert.False(outcome.Succeeded);
        Assert.StartsWith("These files still need the edits that were refused: src/Calculator.cs", outcome.Attempts[0].Problems.Single(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_ToolProtocol_ReadFileCannotReachIgnoredFiles()
    {
        _repo.WriteFile(".gitignore", "secrets.json\n").Commit("ignore");
        File.WriteAllText(Path.Combine(_repo.Path, "secrets.json"), "{\"k\":\"v\"}");
        _server.Enqueue(FakeResponse.ToolCalls(("read_file", "{\"path\":\"secrets.json\"}")));
        _server.Respond(_ => FakeResponse.ToolCalls(("finish", "{\"summary\":\"x\"}")));

        await RunAsync(configure: ToolsOneAttempt());

        Assert.Contains(_server.Requests[1].Messages, m => m.Role == "tool" && m.Content.Contains("error:", StringComparison.Ordinal));
        Assert.DoesNotContain(_server.Requests[1].Messages, m => m.Content.Contains("\"k\"", StringComparison.Ordinal));
    }

    [Fact]
    public async Task RunAsync_ToolProtocol_NoEditAtAll_FailsTheAttemptWithTheReason()
    {
        _server.Respond(_ => FakeResponse.ToolCalls(("finish", "{\"summary\":\"nothing to do\"}")));

        var outcome = await RunAsync(configure: ToolsOneAttempt());

        Assert.False(outcome.Succeeded);
        Assert.Contains("No file was changed; make the changes with write_file or edit_file, then call finish.", outcome.Attempts[0].Problems);
    }

    [Fact]
    public async Task RunAsync_ToolProtocol_BudgetExhaustionStopsWithAClearProblem()
    {
        _server.Respond(_ => FakeResponse.ToolCalls(("list_files", "{\"glob\":\"**/*\"}")));

        var outcome = await RunAsync(configure: o => Tools()(o) with
        {
            Model = o.Model with { EditProtocol = EditProtocol.Tools, MaxToolCalls = 3 },
            Retry = o.Retry with { ValidationFailed = o.Retry.ValidationFailed with { MaxAttempts = 1 } },
        });

        Assert.False(outcome.Succeeded);
        Assert.Contains(outcome.Attempts[0].Problems, p => p.StartsWith("The tool budget ran out after 3 calls", StringComparison.Ordinal));
        Assert.Equal(4, _server.Requests.Count);
    }

    [Fact]
    public async Task RunAsync_AnthropicWithTools_RoundTripsToolUseAndToolResults()
    {
        _server.Enqueue(FakeResponse.ToolCalls(("read_file", "{\"path\":\"src/Calculator.cs\"}")));
        _server.Enqueue(FakeResponse.ToolCalls(("edit_file", EditArguments("src/Calculator.cs", "    public int Add(int a, int b) => a + b;", "    public int Add(int a, int b) => a + b;\n    public int Subtract(int a, int b) => a - b;"))));
        _server.Enqueue(FakeResponse.ToolCalls(("finish", "{\"summary\":\"Added Subtract.\"}")));

        var outcome = await RunAsync(configure: o => o with
        {
            Model = o.Model with { Provider = ModelProvider.Anthropic, Endpoint = _server.RootUrl.ToString(), Name = "claude-test", EditProtocol = EditProtocol.Auto },
        });

        Assert.True(outcome.Succeeded, outcome.GiveUpReason);
        Assert.All(_server.Requests, r => Assert.Equal((ModelProtocol.Anthropic, "claude-test"), (r.Protocol, r.Model)));
        Assert.Contains("edit_file", _server.Requests[0].ToolNames);
        Assert.Contains(_server.Requests[1].Messages, m => m.Role == "tool" && m.Content.Contains("public sealed class Calculator", StringComparison.Ordinal));
        Assert.Contains("public int Subtract(int a, int b) => a - b;", _repo.FileAtBranch(outcome.Branch, "src/Calculator.cs"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_ToolsOfferedButTextBlocksWritten_AppliesTheBlocks()
    {
        _server.Enqueue(FakeResponse.Text(SubtractEdit("    public int Subtract(int a, int b) => a - b;\n")));

        var outcome = await RunAsync(configure: Tools());

        Assert.True(outcome.Succeeded, outcome.GiveUpReason);
        Assert.Single(outcome.Attempts);
    }

    [Fact]
    public async Task RunAsync_WholeFileBlock_ReplacesTheFile()
    {
        var replacement = Original.Replace("    public int Add(int a, int b) => a + b;\n", "    public int Add(int a, int b) => a + b;\n\n    public int Twice(int a) => 2 * a;\n", StringComparison.Ordinal);
        _server.Enqueue(FakeResponse.Text("Whole file.\n\nsrc/Calculator.cs\n```csharp\n<<<<<<< FILE\n" + replacement + ">>>>>>> FILE\n```\n"));

        var outcome = await RunAsync();

        Assert.True(outcome.Succeeded, outcome.GiveUpReason);
        Assert.Equal(replacement, _repo.FileAtBranch(outcome.Branch, "src/Calculator.cs"));
    }

    private static Func<CodegenOptions, CodegenOptions> Tools() => o => o with { Model = o.Model with { EditProtocol = EditProtocol.Tools } };

    /// <summary>Tools, and a single attempt for answers that fail validation.</summary>
    private static Func<CodegenOptions, CodegenOptions> ToolsOneAttempt() =>
        o => Tools()(o) with { Retry = o.Retry with { ValidationFailed = o.Retry.ValidationFailed with { MaxAttempts = 1 } } };

    private static string EditArguments(string path, string search, string replace) =>
        System.Text.Json.JsonSerializer.Serialize(new Dictionary<string, string> { ["path"] = path, ["search"] = search, ["replace"] = replace });

    private static FakeResponse Fault(string kind) => kind switch
    {
        "500" => FakeResponse.Status(500),
        "malformed" => FakeResponse.MalformedJson(),
        _ => FakeResponse.DropConnection(),
    };

    [Fact]
    public async Task RunAsync_WithLessons_ThePromptCarriesTheRelevantOnes()
    {
        _server.Enqueue(FakeResponse.Text(SubtractEdit("    public int Subtract(int a, int b) => a - b;\n")));
        var now = _time.GetUtcNow();
        Core.Learning.Lesson Lesson(string id, string text, int contradictions) => new() { Id = id, Repository = "demo", Text = text, Contradictions = contradictions, Confirmations = 1, CreatedAt = now, LastConfirmedAt = now };

        var outcome = await RunAsync(lessons: [Lesson("a", "Calculator methods are expression-bodied one-liners.", 0), Lesson("b", "Never use tabs.", 9)]);

        var prompt = _server.Requests[0].Messages.Single(m => m.Role == "user").Content;
        Assert.Contains("# Lessons from earlier work in this repository\n- Calculator methods are expression-bodied one-liners. (confidence 0.75;", prompt, StringComparison.Ordinal);
        Assert.DoesNotContain("Never use tabs", prompt, StringComparison.Ordinal);
        var report = new CodegenBot.Core.Reporting.ReportRenderer(new TemplateRenderer(null)).Render(outcome);
        Assert.Contains("### Learning\nLessons from earlier work in this repository that the prompt carried:\n- Calculator methods are expression-bodied one-liners. (confidence 0.75;", report, StringComparison.Ordinal);
        Assert.DoesNotContain("Never use tabs", report, StringComparison.Ordinal);
    }

    private static string SubtractEdit(string newLine) =>
        "I add Subtract next to Add.\n\nsrc/Calculator.cs\n```csharp\n<<<<<<< SEARCH\n    public int Add(int a, int b) => a + b;\n=======\n" +
        "    public int Add(int a, int b) => a + b;\n" + newLine + ">>>>>>> REPLACE\n```\n";

    private Task<GenerationOutcome> RunAsync(GenerationMode mode = GenerationMode.Feature, bool dryRun = false, Func<CodegenOptions, CodegenOptions>? configure = null, IReadOnlyList<Core.Learning.Lesson>? lessons = null)
    {
        var options = ConfigurationLoader.Load(new ConfigurationInputs()).Options;
        options = options with
        {
            Model = options.Model with { Endpoint = _server.BaseUrl.ToString(), Name = "test-model" },
            Retry = FastRetries(options.Retry),
        };
        options = configure?.Invoke(options) ?? options;

        var pipeline = new GenerationPipeline(
            new ChatClientFactory(_time, NullLoggerFactory.Instance, () => 0.5),
            TestContextEngines.Create(_cacheFolder, _time),
            [new CSharpAnalyzer()],
            [],
            _time,
            NullLogger<GenerationPipeline>.Instance);
        var request = new GenerationRequest { RepositoryPath = _repo.Path, Task = "Add a Subtract method to src/Calculator.cs", Mode = mode, DryRun = dryRun, Lessons = lessons ?? [] };

        // Simulated time: retry delays, Retry-After and call timeouts pass without real waiting, and are exact.
        return _time.RunAsync(() => pipeline.RunAsync(request, options, TestEnvironment.With(("ANTHROPIC_API_KEY", "sk-ant-test-key-0123456789")), TestContext.Current.CancellationToken));
    }

    /// <summary>Short delays without jitter (in simulated time); Retry-After is still honoured up to 5 s.</summary>
    private static RetryOptions FastRetries(RetryOptions retry)
    {
        static RetryPolicyOptions Fast(RetryPolicyOptions p) => p with { BaseDelay = TimeSpan.FromMilliseconds(10), MaxDelay = TimeSpan.FromSeconds(5), Jitter = false };
        return retry with
        {
            ApiError = Fast(retry.ApiError),
            RateLimit = Fast(retry.RateLimit),
            NetworkError = Fast(retry.NetworkError),
            Timeout = Fast(retry.Timeout),
        };
    }
}
