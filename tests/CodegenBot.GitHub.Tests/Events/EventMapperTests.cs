using System.Text.Json;
using System.Text.Json.Nodes;
using CodegenBot.Core.Requests;
using CodegenBot.GitHub.Events;
using CodegenBot.Testing;

namespace CodegenBot.GitHub.Tests.Events;

public sealed class EventMapperTests
{
    private static readonly EventSettings Settings = new();

    [Fact]
    public void Map_IssueLabeledWithTheTriggerLabel_GeneratesForTheIssue()
    {
        var trigger = Map("issues", GitHubPayloads.IssueLabeled(Issue(), "codegen", "alice"));

        Assert.Equal(TriggerKind.Generate, trigger.Kind);
        Assert.Equal((12, false, null), (trigger.Number, trigger.IsPullRequest, trigger.Mode));
        Assert.Equal(new Actor("alice", false), trigger.Actor);
        Assert.Equal("Add retry to the HTTP client", trigger.Title);
    }

    [Fact]
    public void Map_ModeLabel_PicksTheMode()
    {
        var trigger = Map("issues", GitHubPayloads.IssueLabeled(Issue(labels: ["codegen:bugfix"]), "codegen:bugfix", "alice"));

        Assert.Equal((TriggerKind.Generate, GenerationMode.Bugfix), (trigger.Kind, trigger.Mode));
    }

    [Fact]
    public void Map_OtherLabel_IsIgnoredWithTheReason()
    {
        var trigger = Map("issues", GitHubPayloads.IssueLabeled(Issue(labels: ["bug"]), "bug", "alice"));

        Assert.Equal(TriggerKind.Ignore, trigger.Kind);
        Assert.Contains("'bug' is not the trigger label 'codegen'", trigger.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Map_StopLabelOnTheIssue_IsIgnored()
    {
        var trigger = Map("issues", GitHubPayloads.IssueLabeled(Issue(labels: ["codegen", "codegen:stop"]), "codegen", "alice"));

        Assert.Equal(TriggerKind.Ignore, trigger.Kind);
        Assert.Contains("codegen:stop", trigger.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Map_ClosedIssue_IsIgnored()
    {
        var issue = Issue();
        issue["state"] = "closed";

        Assert.Equal(TriggerKind.Ignore, Map("issues", GitHubPayloads.IssueLabeled(issue, "codegen", "alice")).Kind);
    }

    [Fact]
    public void Map_CommandComment_CarriesCommentIdModeAndInstructions()
    {
        var trigger = Map("issue_comment", GitHubPayloads.IssueComment(Issue(), 901, "/codegen fix the null check in Parser", "alice"));

        Assert.Equal((TriggerKind.Generate, GenerationMode.Bugfix, "the null check in Parser", 901L), (trigger.Kind, trigger.Mode, trigger.Instructions, trigger.CommentId));
    }

    [Fact]
    public void Map_ReviseOnAPullRequest_IsAPullRequestRevise()
    {
        var trigger = Map("issue_comment", GitHubPayloads.IssueComment(Issue(number: 34, pullRequest: true), 902, "/codegen revise", "alice"));

        Assert.Equal((TriggerKind.Revise, true, 34), (trigger.Kind, trigger.IsPullRequest, trigger.Number));
    }

    [Fact]
    public void Map_PlainComment_IsIgnored() =>
        Assert.Equal(TriggerKind.Ignore, Map("issue_comment", GitHubPayloads.IssueComment(Issue(), 903, "Looks good to me", "alice")).Kind);

    [Fact]
    public void Map_BotsCommand_MarksTheActorAsABot()
    {
        var trigger = Map("issue_comment", GitHubPayloads.IssueComment(Issue(), 904, "/codegen retry", "github-actions[bot]", "Bot"));

        Assert.True(trigger.Actor!.IsBot);
    }

    [Fact]
    public void Map_ReviewOnTheBotsPullRequest_IsFeedbackOrARevise()
    {
        var payload = Review("codegen/issue-12-add-retry");

        Assert.Equal(TriggerKind.Feedback, Map("pull_request_review", payload).Kind);
        Assert.Equal(TriggerKind.Revise, EventMapper.Map("pull_request_review", Parse(payload), Settings with { AutoRevise = true }).Kind);
        Assert.Equal(TriggerKind.Ignore, Map("pull_request_review", Review("feature/mine")).Kind);
    }

    [Fact]
    public void Map_TickedRetryBox_IsARetryOnlyWhenItWasUntickedBefore()
    {
        var block = ControlBlock.Render(new PullRequestOrigin(12, GenerationMode.Feature), "codegen:stop");
        var ticked = block.Replace("[ ]", "[x]", StringComparison.Ordinal);
        var pr = GitHubPayloads.PullRequest(34, "Add retry", ticked, "codegen/issue-12-add-retry", "abc", "github-actions[bot]");

        var retry = Map("pull_request", GitHubPayloads.PullRequestEvent("edited", pr, "alice", new JsonObject { ["body"] = new JsonObject { ["from"] = block } }));
        var again = Map("pull_request", GitHubPayloads.PullRequestEvent("edited", (JsonObject)pr.DeepClone(), "alice", new JsonObject { ["body"] = new JsonObject { ["from"] = ticked } }));

        Assert.Equal(TriggerKind.Retry, retry.Kind);
        Assert.Equal(TriggerKind.Ignore, again.Kind);
    }

    [Fact]
    public void Map_PullRequestFromAFork_IsMarkedAsAFork()
    {
        var pr = GitHubPayloads.PullRequest(40, "Change", "", "main", "abc", "forker", fork: true);

        var trigger = EventMapper.Map("pull_request", Parse(GitHubPayloads.PullRequestEvent("opened", pr, "forker")), Settings with { AssessOnly = true });

        Assert.Equal(TriggerKind.Assess, trigger.Kind);
        Assert.True(trigger.PullRequest!.IsFork);
    }

    [Fact]
    public void Map_Schedule_IsARefactoringRun() => Assert.Equal(TriggerKind.Refactor, Map("schedule", GitHubPayloads.Schedule()).Kind);

    [Fact]
    public void Map_DispatchInputs_GiveTheIssueAndMode_AndTheActionInputsWin()
    {
        var payload = GitHubPayloads.WorkflowDispatch("alice", new JsonObject { ["issue_number"] = "12", ["mode"] = "bugfix" });

        var fromPayload = Map("workflow_dispatch", payload);
        var fromInputs = EventMapper.Map("workflow_dispatch", Parse(payload), Settings with { DispatchIssue = 7, DispatchMode = GenerationMode.Docs });

        Assert.Equal((12, GenerationMode.Bugfix), (fromPayload.Number, fromPayload.Mode));
        Assert.Equal((7, GenerationMode.Docs), (fromInputs.Number, fromInputs.Mode));
    }

    [Fact]
    public void Map_DispatchWithNeitherIssueNorTask_IsIgnoredWithTheReason()
    {
        var trigger = Map("workflow_dispatch", GitHubPayloads.WorkflowDispatch("alice", []));

        Assert.Equal(TriggerKind.Ignore, trigger.Kind);
        Assert.Contains("issue number or a task", trigger.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("push", "{}")]
    [InlineData("issues", """{"action":"opened","issue":{"number":1}}""")]
    [InlineData("issues", """{"action":"labeled","issue":{"number":1,"labels":null,"body":null},"label":{}}""")]
    [InlineData("issue_comment", """{"action":"created","issue":{"number":1},"comment":{"id":5,"body":null,"user":{"login":"a"}}}""")]
    public void Map_UnusualOrSparsePayloads_NeverThrow(string eventName, string json)
    {
        var trigger = EventMapper.Map(eventName, JsonDocument.Parse(json).RootElement, Settings);

        Assert.Equal(TriggerKind.Ignore, trigger.Kind);
        Assert.False(string.IsNullOrEmpty(trigger.Reason));
    }

    private static JsonObject Issue(int number = 12, bool pullRequest = false, string[]? labels = null) =>
        GitHubPayloads.Issue(number, "Add retry to the HTTP client", "Retry on 503.", "alice", labels ?? ["codegen"], pullRequest);

    private static JsonObject Review(string headRef)
    {
        var pr = GitHubPayloads.PullRequest(34, "Add retry", "body", headRef, "abc", "github-actions[bot]");
        return new JsonObject
        {
            ["action"] = "submitted",
            ["review"] = new JsonObject { ["id"] = 1, ["state"] = "changes_requested", ["body"] = "Use Polly.", ["user"] = GitHubPayloads.User("alice") },
            ["pull_request"] = pr,
            ["repository"] = GitHubPayloads.Repository(),
            ["sender"] = GitHubPayloads.User("alice"),
        };
    }

    private static JsonElement Parse(JsonObject payload) => JsonDocument.Parse(payload.ToJsonString()).RootElement;

    private static Trigger Map(string eventName, JsonObject payload) => EventMapper.Map(eventName, Parse(payload), Settings);
}
