using CodegenBot.Testing;

namespace CodegenBot.EndToEnd.Tests;

/// <summary>
/// The Action end to end: an event payload in, over real HTTP to a fake GitHub and a fake model, real git to a
/// bare remote on disk; a pull request, comments and pushed commits out.
/// </summary>
public sealed class ActionEndToEndTests : IAsyncLifetime
{
    private const string Branch = "codegen/issue-1-add-a-subtract-method";
    private GitHubScenario _scenario = null!;

    public async ValueTask InitializeAsync()
    {
        _scenario = await GitHubScenario.StartAsync();
        _scenario.GitHub.AddUser("alice", "write");
        _scenario.GitHub.AddUser("mallory", "read");
    }

    public async ValueTask DisposeAsync() => await _scenario.DisposeAsync();

    private Testing.FakeGitHub.FakeGitHubServer GitHub => _scenario.GitHub;

    [Fact]
    public async Task Label_OnAnIssue_OpensAPullRequestWithTheReportAndFinishesTheTrackingComment()
    {
        var issue = CreateIssue();
        _scenario.Model.Enqueue(FakeResponse.Text(GitHubScenario.SubtractEdit()));

        var (exitCode, _, error) = await _scenario.RunAsync("issues", GitHubPayloads.IssueLabeled(IssuePayload(issue.Number), "codegen", "alice"));

        Assert.True(exitCode == 0, error);
        var pr = Assert.Single(GitHub.PullRequests);
        Assert.Equal(Branch, pr.Head);
        Assert.Equal("main", pr.Base);
        Assert.Contains("Closes #1", pr.Body, StringComparison.Ordinal);
        Assert.Contains("Quality of the final change", pr.Body, StringComparison.Ordinal);
        Assert.Contains("<!-- codegen:control -->", pr.Body, StringComparison.Ordinal);
        Assert.Contains("public int Subtract(int a, int b) => a - b;", _scenario.RemoteFile(Branch, "src/Calculator.cs"), StringComparison.Ordinal);
        Assert.Contains("Generated-by: CodegenBot", _scenario.RemoteLog(Branch)[0] + CommitBody(Branch), StringComparison.Ordinal);
        var tracking = Assert.Single(GitHub.CommentsOn(1), c => c.Body.StartsWith("<!-- codegen:tracking -->", StringComparison.Ordinal));
        Assert.Contains("opened a pull request", tracking.Body, StringComparison.Ordinal);
        Assert.Contains($"/pull/{pr.Number}", tracking.Body, StringComparison.Ordinal);
        Assert.Contains("Attempt 1", tracking.Body, StringComparison.Ordinal);
        Assert.Contains("actions/runs/4242", tracking.Body, StringComparison.Ordinal);
        Assert.Contains("eyes", GitHub.IssueReactions(1));
        Assert.Equal("created", _scenario.Outputs["status"]);
        Assert.Equal(pr.Number.ToString(System.Globalization.CultureInfo.InvariantCulture), _scenario.Outputs["pr-number"]);
        Assert.Contains("codegen", GitHub.LabelsOn(pr.Number));
        Assert.DoesNotContain(GitHub.Token, _scenario.Summary + pr.Body + tracking.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SecondRun_OnTheSameIssue_UpdatesTheSamePullRequest()
    {
        var issue = CreateIssue();
        _scenario.Model.Enqueue(FakeResponse.Text(GitHubScenario.SubtractEdit()));
        await _scenario.RunAsync("issues", GitHubPayloads.IssueLabeled(IssuePayload(issue.Number), "codegen", "alice"));
        var firstTip = _scenario.RemoteTip(Branch);
        _scenario.Model.Enqueue(FakeResponse.Text(GitHubScenario.SubtractEdit("    public int Subtract(int left, int right) => left - right;\n")));

        var (exitCode, _, error) = await _scenario.RunAsync("issue_comment", GitHubPayloads.IssueComment(IssuePayload(issue.Number), 900, "/codegen retry", "alice"));

        Assert.True(exitCode == 0, error);
        Assert.Single(GitHub.PullRequests);
        Assert.Equal("updated", _scenario.Outputs["status"]);
        Assert.NotEqual(firstTip, _scenario.RemoteTip(Branch));
        Assert.Contains("left - right", _scenario.RemoteFile(Branch, "src/Calculator.cs"), StringComparison.Ordinal);
        Assert.Single(GitHub.CommentsOn(1), c => c.Body.StartsWith("<!-- codegen:tracking -->", StringComparison.Ordinal));
        Assert.Single(_scenario.RemoteLog(Branch), m => m.Contains("Subtract", StringComparison.Ordinal) || m.Contains("Add a Subtract", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Retry_AfterAPersonPushedToTheBranch_KeepsTheirCommitAndAddsOnTop()
    {
        var issue = CreateIssue();
        _scenario.Model.Enqueue(FakeResponse.Text(GitHubScenario.SubtractEdit()));
        await _scenario.RunAsync("issues", GitHubPayloads.IssueLabeled(IssuePayload(issue.Number), "codegen", "alice"));
        var persons = _scenario.PushAsPerson(Branch, "NOTES.md", "Keep this.\n");
        _scenario.Model.Enqueue(FakeResponse.Text(MultiplyEdit()));

        var (exitCode, _, error) = await _scenario.RunAsync("issue_comment", GitHubPayloads.IssueComment(IssuePayload(issue.Number), 901, "/codegen retry", "alice"));

        Assert.True(exitCode == 0, error);
        Assert.Equal("Keep this.\n", _scenario.RemoteFile(Branch, "NOTES.md"));
        Assert.Equal("A person's change", _scenario.RemoteLog(Branch)[1]);
        Assert.Contains(persons, AncestorsOf(Branch));
        Assert.Contains("pushed by a person", Assert.Single(GitHub.PullRequests).Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Revise_WithReviewComments_AddsACommitThatAddressesThem()
    {
        var issue = CreateIssue();
        _scenario.Model.Enqueue(FakeResponse.Text(GitHubScenario.SubtractEdit()));
        await _scenario.RunAsync("issues", GitHubPayloads.IssueLabeled(IssuePayload(issue.Number), "codegen", "alice"));
        var pr = Assert.Single(GitHub.PullRequests);
        var firstTip = _scenario.RemoteTip(Branch)!;
        GitHub.AddReviewComment(pr.Number, "alice", "src/Calculator.cs", 6, "Please also add Multiply.");
        _scenario.Model.Enqueue(FakeResponse.Text(MultiplyEdit()));

        var (exitCode, _, error) = await _scenario.RunAsync("issue_comment", GitHubPayloads.IssueComment(IssuePayload(pr.Number, pullRequest: true), 902, "/codegen revise", "alice"));

        Assert.True(exitCode == 0, error);
        var prompt = _scenario.Model.Requests[^1].Messages.Single(m => m.Role == "user").Content;
        Assert.Contains("Please also add Multiply.", prompt, StringComparison.Ordinal);
        Assert.Contains("src/Calculator.cs", prompt, StringComparison.Ordinal);
        Assert.Contains("Multiply", _scenario.RemoteFile(Branch, "src/Calculator.cs"), StringComparison.Ordinal);
        Assert.Contains(firstTip, AncestorsOf(Branch));
        Assert.Single(GitHub.PullRequests);
    }

    [Fact]
    public async Task Command_FromSomeoneWithoutWriteAccess_IsRefusedWithOneCommentAndNothingElse()
    {
        var issue = CreateIssue();

        var (exitCode, _, _) = await _scenario.RunAsync("issue_comment", GitHubPayloads.IssueComment(IssuePayload(issue.Number), 903, "/codegen", "mallory"));

        Assert.Equal(0, exitCode);
        Assert.Equal("refused", _scenario.Outputs["status"]);
        var comment = Assert.Single(GitHub.CommentsOn(1));
        Assert.Contains("@mallory has the 'read' role", comment.Body, StringComparison.Ordinal);
        Assert.Empty(GitHub.PullRequests);
        Assert.Empty(_scenario.Model.Requests);
        Assert.Null(_scenario.RemoteTip(Branch));
    }

    [Fact]
    public async Task Command_OnAPullRequestFromAFork_IsRefusedAndRunsNothing()
    {
        var fork = GitHub.CreatePullRequest("main", "main", "Fork change", "From a fork.", "forker", fromFork: true);

        var (exitCode, _, _) = await _scenario.RunAsync("issue_comment", GitHubPayloads.IssueComment(IssuePayload(fork.Number, pullRequest: true), 904, "/codegen revise", "alice"));

        Assert.Equal(0, exitCode);
        Assert.Equal("refused", _scenario.Outputs["status"]);
        Assert.Contains("forks", Assert.Single(GitHub.CommentsOn(fork.Number)).Body, StringComparison.Ordinal);
        Assert.Empty(_scenario.Model.Requests);
    }

    [Fact]
    public async Task BotsOwnComment_IsIgnoredWithoutAWord()
    {
        var issue = CreateIssue();
        var before = GitHub.Requests.Count;

        var (exitCode, _, _) = await _scenario.RunAsync("issue_comment", GitHubPayloads.IssueComment(IssuePayload(issue.Number), 905, "/codegen retry", "github-actions[bot]", "Bot"));

        Assert.Equal(0, exitCode);
        Assert.Equal("ignored", _scenario.Outputs["status"]);
        Assert.Empty(GitHub.CommentsOn(1));
        Assert.DoesNotContain(GitHub.Requests.Skip(before), r => r.Method != "GET");
        Assert.Empty(_scenario.Model.Requests);
    }

    [Fact]
    public async Task GitHubServerErrorsAndASecondaryRateLimit_AreRetriedAndTheRunCompletes()
    {
        var issue = CreateIssue();
        _scenario.Model.Enqueue(FakeResponse.Text(GitHubScenario.SubtractEdit()));
        GitHub.FailNextWithServerError("POST", "/repos/octo-org/hello-world/pulls", times: 2, status: 502);
        GitHub.FailNextWithSecondaryRateLimit("POST", "/repos/octo-org/hello-world/issues/1/comments", TimeSpan.FromSeconds(1));

        var (exitCode, _, error) = await _scenario.RunAsync("issues", GitHubPayloads.IssueLabeled(IssuePayload(issue.Number), "codegen", "alice"));

        Assert.True(exitCode == 0, error);
        Assert.Single(GitHub.PullRequests);
        Assert.Equal(3, GitHub.Requests.Count(r => r.Method == "POST" && r.Path == "/repos/octo-org/hello-world/pulls"));
        Assert.Single(GitHub.CommentsOn(1));
    }

    [Fact]
    public async Task BadConfiguration_IsAnsweredOnTheIssueWithFileLineAndKey()
    {
        await using var scenario = await GitHubScenario.StartAsync((".github/codegen.yml", "quality:\n  overall_threshould: 80\n"));
        scenario.GitHub.AddUser("alice", "write");
        var issue = scenario.GitHub.CreateIssue("Add a Subtract method", "Calculator needs Subtract.", "alice", "codegen");

        var (exitCode, _, _) = await scenario.RunAsync("issues", GitHubPayloads.IssueLabeled(GitHubPayloads.Issue(issue.Number, issue.Title, issue.Body, "alice", ["codegen"]), "codegen", "alice"));

        Assert.Equal(2, exitCode);
        var comment = Assert.Single(scenario.GitHub.CommentsOn(issue.Number)).Body;
        Assert.Contains(".github/codegen.yml", comment, StringComparison.Ordinal);
        Assert.Contains(".github/codegen.yml:2:", comment, StringComparison.Ordinal);
        Assert.Contains("overall_threshould", comment, StringComparison.Ordinal);
        Assert.Contains("did you mean 'overall_threshold'", comment, StringComparison.Ordinal);
        Assert.Empty(scenario.Model.Requests);
    }

    [Fact]
    public async Task GitHubModelsRefusingTheToken_IsExplainedWithTheTwoWaysOut()
    {
        var issue = CreateIssue();
        _scenario.Model.Respond(_ => FakeResponse.Status(403));

        var (exitCode, _, _) = await _scenario.RunAsync("issues", GitHubPayloads.IssueLabeled(IssuePayload(issue.Number), "codegen", "alice"), ("INPUT_MODEL_PROVIDER", "github-models"));

        Assert.Equal(2, exitCode);
        var tracking = Assert.Single(GitHub.CommentsOn(1)).Body;
        Assert.Contains("enable GitHub Models for the organisation", tracking, StringComparison.Ordinal);
        Assert.Contains("`model_provider` and `api_key`", tracking, StringComparison.Ordinal);
        Assert.Empty(GitHub.PullRequests);
    }

    [Fact]
    public async Task DryRun_PassesTheChecks_ButPushesNothingAndOpensNoPullRequest()
    {
        var issue = CreateIssue();
        _scenario.Model.Enqueue(FakeResponse.Text(GitHubScenario.SubtractEdit()));

        var (exitCode, _, error) = await _scenario.RunAsync("issues", GitHubPayloads.IssueLabeled(IssuePayload(issue.Number), "codegen", "alice"), ("INPUT_DRY_RUN", "true"));

        Assert.True(exitCode == 0, error);
        Assert.Equal("dry-run", _scenario.Outputs["status"]);
        Assert.Empty(GitHub.PullRequests);
        Assert.Null(_scenario.RemoteTip(Branch));
        Assert.Contains("Quality of the final change", _scenario.Summary, StringComparison.Ordinal);
        Assert.Contains("dry run", Assert.Single(GitHub.CommentsOn(1)).Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnErrorDuringTheRun_ClosesTheTrackingCommentWithTheReason()
    {
        var issue = CreateIssue();
        File.WriteAllText(Path.Combine(_scenario.Workspace, "stray.txt"), "left behind by an earlier step");

        var (exitCode, _, _) = await _scenario.RunAsync("issues", GitHubPayloads.IssueLabeled(IssuePayload(issue.Number), "codegen", "alice"));

        Assert.Equal(2, exitCode);
        Assert.Equal("failed", _scenario.Outputs["status"]);
        var tracking = Assert.Single(GitHub.CommentsOn(1)).Body;
        Assert.Contains("CodegenBot stopped", tracking, StringComparison.Ordinal);
        Assert.Contains("uncommitted change", tracking, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StopLabel_OnTheIssue_LeavesItAlone()
    {
        var issue = GitHub.CreateIssue("Add a Subtract method", "Calculator needs Subtract.", "alice", "codegen", "codegen:stop");

        var (exitCode, _, _) = await _scenario.RunAsync("issue_comment", GitHubPayloads.IssueComment(IssuePayload(issue.Number), 907, "/codegen retry", "alice"));

        Assert.Equal(0, exitCode);
        Assert.Equal("ignored", _scenario.Outputs["status"]);
        Assert.Empty(GitHub.CommentsOn(issue.Number));
        Assert.Empty(_scenario.Model.Requests);
    }

    [Fact]
    public async Task HelpCommand_AnswersWithTheCommands()
    {
        var issue = CreateIssue();

        var (exitCode, _, _) = await _scenario.RunAsync("issue_comment", GitHubPayloads.IssueComment(IssuePayload(issue.Number), 906, "/codegen hepl", "alice"));

        Assert.Equal(0, exitCode);
        var help = Assert.Single(GitHub.CommentsOn(1)).Body;
        Assert.Contains("does not know the command `hepl`", help, StringComparison.Ordinal);
        Assert.Contains("/codegen revise", help, StringComparison.Ordinal);
    }

    private Testing.FakeGitHub.FakeIssue CreateIssue() => GitHub.CreateIssue("Add a Subtract method", "Calculator needs `Subtract(a, b)` next to `Add`.", "alice", "codegen");

    private System.Text.Json.Nodes.JsonObject IssuePayload(int number, bool pullRequest = false)
    {
        var issue = GitHub.Issues.Single(i => i.Number == number);
        return GitHubPayloads.Issue(number, issue.Title, issue.Body, issue.Author, issue.Labels, pullRequest);
    }

    private string CommitBody(string branch) => _scenario.Remote.Log(branch)[0].Message;

    private List<string> AncestorsOf(string branch) => _scenario.Remote.Log(branch).Select(c => c.Sha).ToList();

    private static string MultiplyEdit() =>
        "I add Multiply.\n\nsrc/Calculator.cs\n```csharp\n<<<<<<< SEARCH\n    public int Add(int a, int b) => a + b;\n=======\n" +
        "    public int Add(int a, int b) => a + b;\n    public int Multiply(int a, int b) => a * b;\n>>>>>>> REPLACE\n```\n";
}
