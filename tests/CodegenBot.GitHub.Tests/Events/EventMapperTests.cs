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

    [Theory]
    [InlineData("codegen/issue-12-add-retry", false, true, TriggerKind.Closed, true)]
    [InlineData("codegen/issue-12-add-retry", false, false, TriggerKind.Closed, false)]
    [InlineData("feature/mine", false, true, TriggerKind.Ignore, false)]
    [InlineData("codegen/issue-12-add-retry", true, true, TriggerKind.Ignore, false)]
    public void Map_PullRequestClosed_IsTheOutcomeOfTheBotsOwnPullRequestsOnly(string headRef, bool fork, bool merged, TriggerKind expected, bool expectMerged)
    {
        var pr = GitHubPayloads.PullRequest(34, "Add retry", ControlBlock.Render(new PullRequestOrigin(12, GenerationMode.Feature), "codegen:stop"), headRef, "abc", "github-actions[bot]", fork);
        pr["merged"] = merged;
        pr["state"] = "closed";

        var trigger = Map("pull_request", GitHubPayloads.PullRequestEvent("closed", pr, "alice"));

        Assert.Equal(expected, trigger.Kind);
        Assert.Equal(expectMerged, trigger.Merged);
        Assert.False(trigger.NeedsPermission && expected == TriggerKind.Closed);
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
    [InlineData("issues", """{"action":"labeled"}""")]
    [InlineData("issue_comment", """{"action":"created","issue":null}""")]
    [InlineData("issue_comment", """{"action":"created","issue":{"number":1}}""")]
    [InlineData("pull_request_review", """{"action":"submitted","review":{"id":1}}""")]
    [InlineData("pull_request_review_comment", """{"action":"created","pull_request":{"number":3}}""")]
    [InlineData("pull_request", """{"action":"edited"}""")]
    [InlineData("issues", "[]")]
    public void Map_UnusualOrSparsePayloads_NeverThrow(string eventName, string json)
    {
        var trigger = EventMapper.Map(eventName, JsonDocument.Parse(json).RootElement, Settings);

        Assert.Equal(TriggerKind.Ignore, trigger.Kind);
        Assert.False(string.IsNullOrEmpty(trigger.Reason));
    }

    [Theory]
    [InlineData("issues", "issues-labeled.json", TriggerKind.Generate, 12, false, null, "", "alice", false, null)]
    [InlineData("issues", "issues-labeled-mode.json", TriggerKind.Generate, 12, false, GenerationMode.Bugfix, "", "alice", false, null)]
    [InlineData("issues", "issues-labeled-other.json", TriggerKind.Ignore, 12, false, null, "", "alice", false, null)]
    [InlineData("issue_comment", "issue-comment-command.json", TriggerKind.Generate, 12, false, GenerationMode.Bugfix, "the null check in Parser", "alice", false, 901L)]
    [InlineData("issue_comment", "issue-comment-on-pr-revise.json", TriggerKind.Revise, 34, true, null, "", "alice", false, 902L)]
    [InlineData("issue_comment", "issue-comment-plain.json", TriggerKind.Ignore, 12, false, null, "", "alice", false, 903L)]
    [InlineData("issue_comment", "issue-comment-by-bot.json", TriggerKind.Retry, 12, false, null, "", "github-actions[bot]", true, 904L)]
    [InlineData("pull_request_review", "pull-request-review-submitted.json", TriggerKind.Feedback, 34, true, null, "Please use Polly instead of a hand-written loop.", "alice", false, null)]
    [InlineData("pull_request_review_comment", "pull-request-review-comment-created.json", TriggerKind.Feedback, 34, true, null, "This should not retry a POST.", "alice", false, null)]
    [InlineData("pull_request", "pull-request-edited-retry-ticked.json", TriggerKind.Retry, 34, true, null, "", "alice", false, null)]
    [InlineData("pull_request", "pull-request-opened-fork.json", TriggerKind.Ignore, 40, true, null, "", "forker", false, null)]
    [InlineData("schedule", "schedule.json", TriggerKind.Refactor, null, false, null, "", null, false, null)]
    [InlineData("workflow_dispatch", "workflow-dispatch.json", TriggerKind.Generate, 12, false, GenerationMode.Bugfix, "", "alice", false, null)]
    public void Map_RecordedPayload_GivesTheExpectedTrigger(
        string eventName, string file, TriggerKind kind, int? number, bool isPullRequest, GenerationMode? mode, string instructions, string? login, bool isBot, long? commentId)
    {
        var trigger = EventMapper.Map(eventName, Fixture(file), Settings);

        Assert.Equal(kind, trigger.Kind);
        Assert.Equal((number, isPullRequest, mode, instructions, commentId), (trigger.Number, trigger.IsPullRequest, trigger.Mode, trigger.Instructions, trigger.CommentId));
        Assert.Equal(login is null ? null : new Actor(login, isBot), trigger.Actor);
        if (kind == TriggerKind.Ignore)
        {
            Assert.False(string.IsNullOrWhiteSpace(trigger.Reason));
        }
    }

    [Fact]
    public void Map_RecordedIssue_KeepsTitleAndLabels()
    {
        var trigger = EventMapper.Map("issues", Fixture("issues-labeled.json"), Settings);

        Assert.Equal("Add retry to the HTTP client", trigger.Title);
        Assert.Equal(["codegen"], trigger.Labels);
    }

    [Fact]
    public void Map_RecordedForkPullRequest_IsAForkAndAssessedByTheAssessAction()
    {
        var trigger = EventMapper.Map("pull_request", Fixture("pull-request-opened-fork.json"), Settings with { AssessOnly = true });

        Assert.Equal(TriggerKind.Assess, trigger.Kind);
        Assert.Equal(new PullRequestRefs("main", "b3f1a5c2d4e6f7089a1b2c3d4e5f60718293a4b5", "main", "a10867b14bb761a232cd80139fbd4c0d33264240", true), trigger.PullRequest);
    }

    [Fact]
    public void Map_RecordedBotPullRequest_IsNotAFork() =>
        Assert.False(EventMapper.Map("pull_request_review", Fixture("pull-request-review-submitted.json"), Settings).PullRequest!.IsFork);

    [Fact]
    public void Map_RecordedDispatch_TaskSettingOverridesThePayload()
    {
        var trigger = EventMapper.Map("workflow_dispatch", Fixture("workflow-dispatch.json"), Settings with { DispatchTask = "Tidy the README" });

        Assert.Equal((TriggerKind.Generate, 12, "Tidy the README"), (trigger.Kind, trigger.Number, trigger.Instructions));
    }

    [Fact]
    public void Map_UnknownEvent_IsIgnoredNamingIt()
    {
        var trigger = EventMapper.Map("deployment_status", Fixture("schedule.json"), Settings);

        Assert.Equal(TriggerKind.Ignore, trigger.Kind);
        Assert.Contains("deployment_status", trigger.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Map_RecordedIssueWithoutLabelsOrBody_DoesNotThrow()
    {
        var payload = JsonNode.Parse(File.ReadAllText(FixturePath("issues-labeled.json")))!.AsObject();
        payload["issue"]!["labels"] = new JsonArray();
        payload["issue"]!["body"] = null;

        var trigger = Map("issues", payload);

        Assert.Equal((TriggerKind.Generate, ""), (trigger.Kind, trigger.Body));
    }

    [Fact]
    public void Map_ReviewWithoutAUser_FallsBackToTheSender()
    {
        var payload = JsonNode.Parse(File.ReadAllText(FixturePath("pull-request-review-submitted.json")))!.AsObject();
        payload["review"]!.AsObject().Remove("user");

        var trigger = Map("pull_request_review", payload);

        Assert.Equal((TriggerKind.Feedback, new Actor("alice", false)), (trigger.Kind, trigger.Actor));
    }

    private static string FixturePath(string file) => Path.Combine(AppContext.BaseDirectory, "Events", "Payloads", file);

    private static JsonElement Fixture(string file) => JsonDocument.Parse(File.ReadAllText(FixturePath(file))).RootElement;

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
