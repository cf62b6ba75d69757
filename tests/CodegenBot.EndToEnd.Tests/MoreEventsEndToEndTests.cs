using System.Text.Json.Nodes;
using CodegenBot.GitHub.Events;
using CodegenBot.Testing;

namespace CodegenBot.EndToEnd.Tests;

/// <summary>Scheduled refactoring, manual dispatch, quality reports and the control block, end to end.</summary>
public sealed class MoreEventsEndToEndTests : IAsyncLifetime
{
    /// <summary>A file well below the default refactoring threshold: deep nesting, long method, no docs.</summary>
    private const string Tangled = """
        namespace Demo;

        public class Tangled
        {
            public int Score(int a, int b, int c, int d, int e, int f)
            {
                var total = 0;
                if (a > 0) { if (b > 0) { if (c > 0) { if (d > 0) { if (e > 0) { if (f > 0) { total++; } else { total--; } } else { total += 2; } } else { total -= 2; } } else { total += 3; } } else { total -= 3; } }
                for (var i = 0; i < a; i++) { if (i % 2 == 0) { total += i; } else if (i % 3 == 0) { total -= i; } else if (i % 5 == 0) { total *= 2; } else { total /= 2; } }
                while (total > 100) { if (total % 7 == 0) { total -= 7; } else if (total % 11 == 0) { total -= 11; } else { total -= 1; } }
                switch (b) { case 1: total++; break; case 2: total--; break; case 3: total += 5; break; default: total = 0; break; }
                return total > 0 && a > 0 || b > 0 && c > 0 || d > 0 && e > 0 ? total : -total;
            }
        }

        """;

    private GitHubScenario _scenario = null!;

    public async ValueTask InitializeAsync()
    {
        _scenario = await GitHubScenario.StartAsync(("src/Tangled.cs", Tangled));
        _scenario.GitHub.AddUser("alice", "write");
    }

    public async ValueTask DisposeAsync() => await _scenario.DisposeAsync();

    [Fact]
    public async Task Schedule_OpensOnePullRequestForTheWorstHotspotAndNoSecondWhileItIsOpen()
    {
        _scenario.Model.Respond(_ => FakeResponse.Text(TangledDocEdit()));

        var (exitCode, _, error) = await _scenario.RunAsync("schedule", GitHubPayloads.Schedule());

        Assert.True(exitCode == 0, error);
        var pr = Assert.Single(_scenario.GitHub.PullRequests);
        Assert.Equal("codegen/refactor-src-tangled-cs", pr.Head);
        Assert.Contains("Refactor `src/Tangled.cs`", _scenario.Model.Requests[0].Messages.Single(m => m.Role == "user").Content, StringComparison.Ordinal);

        var (again, _, _) = await _scenario.RunAsync("schedule", GitHubPayloads.Schedule());

        Assert.Equal(0, again);
        Assert.Single(_scenario.GitHub.PullRequests);
    }

    [Fact]
    public async Task WorkflowDispatch_WithATask_OpensAPullRequestWithoutAnIssue()
    {
        _scenario.Model.Enqueue(FakeResponse.Text(GitHubScenario.SubtractEdit()));
        var payload = GitHubPayloads.WorkflowDispatch("alice", new JsonObject { ["task"] = "Add a Subtract method to Calculator", ["mode"] = "feature" });

        var (exitCode, _, error) = await _scenario.RunAsync("workflow_dispatch", payload);

        Assert.True(exitCode == 0, error);
        var pr = Assert.Single(_scenario.GitHub.PullRequests);
        Assert.Equal("codegen/task-add-a-subtract-method-to-calculator", pr.Head);
        Assert.DoesNotContain("Closes #", pr.Body, StringComparison.Ordinal);
        Assert.Equal("Add a Subtract method to Calculator", ControlBlock.Origin(pr.Body)!.Task);
    }

    [Fact]
    public async Task WorkflowDispatch_ForAnIssueThatDoesNotExist_FailsWithOneSentence()
    {
        var (exitCode, _, error) = await _scenario.RunAsync("workflow_dispatch", GitHubPayloads.WorkflowDispatch("alice", new JsonObject { ["issue_number"] = "999" }));

        Assert.Equal(1, exitCode);
        Assert.Equal("failed", _scenario.Outputs["status"]);
        Assert.Contains("GitHub has no such issue", error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AssessCommand_OnAPullRequest_PostsTheQualityReportAndEditsItOnTheNextRun()
    {
        _scenario.Remote.PushBranch(_scenario.Workspace, "feature/tangle", "src/More.cs", Tangled.Replace("Tangled", "More", StringComparison.Ordinal));
        var pr = _scenario.GitHub.CreatePullRequest("feature/tangle", "main", "More tangle", "Adds More.", "alice");
        var payload = GitHubPayloads.IssueComment(GitHubPayloads.Issue(pr.Number, "More tangle", "Adds More.", "alice", [], pullRequest: true), 950, "/codegen assess", "alice");

        var (exitCode, _, error) = await _scenario.RunAsync("issue_comment", payload);
        await _scenario.RunAsync("issue_comment", payload);

        Assert.True(exitCode == 0, error);
        var report = Assert.Single(_scenario.GitHub.CommentsOn(pr.Number)).Body;
        Assert.StartsWith("<!-- codegen:assess -->", report, StringComparison.Ordinal);
        Assert.Contains("src/More.cs", report, StringComparison.Ordinal);
        Assert.DoesNotContain("src/Tangled.cs", report, StringComparison.Ordinal);
        Assert.Equal("assessed", _scenario.Outputs["status"]);
        Assert.Empty(_scenario.Model.Requests);
    }

    [Fact]
    public async Task AssessAction_OnAPullRequestFromAFork_ReportsWithoutRunningAnything_AndCanFailTheStep()
    {
        _scenario.Remote.PushBranch(_scenario.Workspace, "fork-main", "src/More.cs", Tangled.Replace("Tangled", "More", StringComparison.Ordinal));
        var pr = _scenario.GitHub.CreatePullRequest("fork-main", "main", "From a fork", "Adds More.", "forker", fromFork: true);
        var payload = GitHubPayloads.PullRequestEvent("opened", GitHubPayloads.PullRequest(pr.Number, pr.Title, pr.Body, "fork-main", _scenario.RemoteTip("fork-main")!, "forker", fork: true), "forker");

        var (exitCode, _, error) = await _scenario.RunAsync("pull_request", payload, ("CODEGEN_ACTION_COMMAND", "assess"), ("INPUT_FAIL_BELOW_THRESHOLD", "true"), ("INPUT_QUALITY_THRESHOLD", "99"));

        Assert.True(exitCode == 1, error);
        Assert.Equal("assessed", _scenario.Outputs["status"]);
        Assert.StartsWith("<!-- codegen:assess -->", Assert.Single(_scenario.GitHub.CommentsOn(pr.Number)).Body, StringComparison.Ordinal);
        Assert.NotEqual("", _scenario.Outputs["quality-score"]);
        Assert.Empty(_scenario.Model.Requests);
    }

    [Fact]
    public async Task ReviewComment_WithAutoRevise_RevisesWithoutACommand()
    {
        await using var scenario = await GitHubScenario.StartAsync((".github/codegen.yml", "github:\n  auto_revise: true\n"));
        scenario.GitHub.AddUser("alice", "write");
        var issue = scenario.GitHub.CreateIssue("Add a Subtract method", "Calculator needs `Subtract(a, b)`.", "alice", "codegen");
        scenario.Model.Enqueue(FakeResponse.Text(GitHubScenario.SubtractEdit()));
        await scenario.RunAsync("issues", GitHubPayloads.IssueLabeled(GitHubPayloads.Issue(issue.Number, issue.Title, issue.Body, "alice", ["codegen"]), "codegen", "alice"));
        var pr = Assert.Single(scenario.GitHub.PullRequests);
        scenario.GitHub.AddReviewComment(pr.Number, "alice", "src/Calculator.cs", 6, "Rename the parameters to left and right.");
        scenario.Model.Enqueue(FakeResponse.Text(GitHubScenario.SubtractEdit("    public int Subtract(int left, int right) => left - right;\n")));
        var payload = new JsonObject
        {
            ["action"] = "created",
            ["comment"] = new JsonObject { ["id"] = 77, ["path"] = "src/Calculator.cs", ["line"] = 6, ["body"] = "Rename the parameters to left and right.", ["user"] = GitHubPayloads.User("alice") },
            ["pull_request"] = GitHubPayloads.PullRequest(pr.Number, pr.Title, pr.Body, pr.Head, scenario.RemoteTip(pr.Head)!, "github-actions[bot]"),
            ["repository"] = GitHubPayloads.Repository(),
            ["sender"] = GitHubPayloads.User("alice"),
        };

        var (exitCode, _, error) = await scenario.RunAsync("pull_request_review_comment", payload);

        Assert.True(exitCode == 0, error);
        Assert.Contains("left - right", scenario.RemoteFile(pr.Head, "src/Calculator.cs"), StringComparison.Ordinal);
        Assert.Contains("Rename the parameters", scenario.Model.Requests[^1].Messages.Single(m => m.Role == "user").Content, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TickedRetryBox_OnTheBotsPullRequest_GeneratesTheChangeAgain()
    {
        var issue = _scenario.GitHub.CreateIssue("Add a Subtract method", "Calculator needs `Subtract(a, b)`.", "alice", "codegen");
        _scenario.Model.Enqueue(FakeResponse.Text(GitHubScenario.SubtractEdit()));
        await _scenario.RunAsync("issues", GitHubPayloads.IssueLabeled(GitHubPayloads.Issue(issue.Number, issue.Title, issue.Body, "alice", ["codegen"]), "codegen", "alice"));
        var pr = Assert.Single(_scenario.GitHub.PullRequests);
        var ticked = pr.Body.Replace("- [ ] <!-- codegen:retry -->", "- [x] <!-- codegen:retry -->", StringComparison.Ordinal);
        var firstTip = _scenario.RemoteTip(pr.Head);
        _scenario.Model.Enqueue(FakeResponse.Text(GitHubScenario.SubtractEdit("    public int Subtract(int x, int y) => x - y;\n")));
        var payload = GitHubPayloads.PullRequestEvent("edited", GitHubPayloads.PullRequest(pr.Number, pr.Title, ticked, pr.Head, firstTip!, "github-actions[bot]"), "alice",
            new JsonObject { ["body"] = new JsonObject { ["from"] = pr.Body } });

        var (exitCode, _, error) = await _scenario.RunAsync("pull_request", payload);

        Assert.True(exitCode == 0, error);
        Assert.Equal("updated", _scenario.Outputs["status"]);
        Assert.Contains("x - y", _scenario.RemoteFile(pr.Head, "src/Calculator.cs"), StringComparison.Ordinal);
        Assert.False(ControlBlock.RetryRequested(Assert.Single(_scenario.GitHub.PullRequests).Body));
    }

    private static string TangledDocEdit() =>
        "I document the class.\n\nsrc/Tangled.cs\n```csharp\n<<<<<<< SEARCH\npublic class Tangled\n=======\n/// <summary>Scores inputs.</summary>\npublic sealed class Tangled\n>>>>>>> REPLACE\n```\n";
}
