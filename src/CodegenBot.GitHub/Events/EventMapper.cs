using System.Text.Json;
using CodegenBot.Core.Requests;

namespace CodegenBot.GitHub.Events;

/// <summary>What the mapping of an event depends on besides its payload.</summary>
public sealed record EventSettings
{
    /// <summary>The trigger label (<c>github.trigger_label</c> or the action's input).</summary>
    public string TriggerLabel { get; init; } = "codegen";

    /// <summary>The label that makes the bot leave an issue or pull request alone.</summary>
    public string StopLabel { get; init; } = "codegen:stop";

    /// <summary>The prefix of the bot's branches (<c>git.branch_prefix</c>).</summary>
    public string BranchPrefix { get; init; } = "codegen/";

    /// <summary>Revise on every review comment instead of waiting for <c>/codegen revise</c>.</summary>
    public bool AutoRevise { get; init; }

    /// <summary>Only post quality reports (the assess action): pull request events map to Assess.</summary>
    public bool AssessOnly { get; init; }

    /// <summary>The issue number of a manual run (the action's <c>issue_number</c> input or the dispatch input).</summary>
    public int? DispatchIssue { get; init; }

    /// <summary>The free-text task of a manual run.</summary>
    public string? DispatchTask { get; init; }

    /// <summary>The mode of a manual run.</summary>
    public GenerationMode? DispatchMode { get; init; }
}

/// <summary>
/// Maps a GitHub event (the <c>GITHUB_EVENT_NAME</c> and the JSON of <c>GITHUB_EVENT_PATH</c>, which is the webhook
/// payload) to a <see cref="Trigger"/>. Reads only the fields it needs, so a payload field GitHub adds or drops
/// never breaks a run; an event it does not handle maps to Ignore with the reason.
/// </summary>
public static class EventMapper
{
    /// <summary>Maps the event.</summary>
    public static Trigger Map(string eventName, JsonElement payload, EventSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var action = payload.Str("action");
        var missing = (eventName, action) switch
        {
            ("issues", "labeled") => Missing(payload, "issue"),
            ("issue_comment", "created") => Missing(payload, "issue", "comment"),
            ("pull_request_review", "submitted") => Missing(payload, "pull_request", "review"),
            ("pull_request_review_comment", "created") => Missing(payload, "pull_request", "comment"),
            ("pull_request" or "pull_request_target", _) => Missing(payload, "pull_request"),
            _ => null,
        };
        if (missing is not null)
        {
            return Ignore(eventName, payload, $"the '{eventName}' payload has no '{missing}' object");
        }

        return (eventName, action) switch
        {
            ("issues", "labeled") => IssueLabeled(payload, settings),
            ("issue_comment", "created") => Comment(eventName, payload, settings),
            ("pull_request_review", "submitted") or ("pull_request_review_comment", "created") => Review(eventName, payload, settings),
            ("pull_request" or "pull_request_target", _) => PullRequestEvent(eventName, action, payload, settings),
            ("schedule", _) => new Trigger { EventName = eventName, Kind = TriggerKind.Refactor },
            ("workflow_dispatch", _) => Dispatch(payload, settings),
            _ => Ignore(eventName, payload, $"the event '{eventName}{(action is null ? "" : "." + action)}' does not start a run"),
        };
    }

    private static Trigger IssueLabeled(JsonElement payload, EventSettings settings)
    {
        var issue = payload.GetProperty("issue");
        var label = payload.Path("label", "name") ?? "";
        var mode = LabelMode(label, settings.TriggerLabel, out var matches);
        var trigger = FromIssue("issues", payload, issue) with { Mode = mode };
        if (!matches)
        {
            return trigger with { Kind = TriggerKind.Ignore, Reason = $"the label '{label}' is not the trigger label '{settings.TriggerLabel}'" };
        }

        if (issue.Str("state") == "closed")
        {
            return trigger with { Kind = TriggerKind.Ignore, Reason = "the issue is closed" };
        }

        return trigger with { Kind = StopOr(trigger, settings, TriggerKind.Generate, out var reason), Reason = reason };
    }

    private static Trigger Comment(string eventName, JsonElement payload, EventSettings settings)
    {
        var issue = payload.GetProperty("issue");
        var comment = payload.GetProperty("comment");
        var trigger = FromIssue(eventName, payload, issue) with
        {
            CommentId = comment.Long("id"),
            Actor = ActorOf(comment.TryGetProperty("user", out var user) ? user : payload.GetProperty("sender")),
            IsPullRequest = issue.TryGetProperty("pull_request", out var pr) && pr.ValueKind == JsonValueKind.Object,
        };
        if (SlashCommand.Parse(comment.Str("body")) is not { } command)
        {
            return trigger with { Kind = TriggerKind.Ignore, Reason = "the comment is not a /codegen command" };
        }

        var kind = command.Verb switch
        {
            CommandVerb.Retry => TriggerKind.Retry,
            CommandVerb.Revise => TriggerKind.Revise,
            CommandVerb.Assess => TriggerKind.Assess,
            CommandVerb.Help => TriggerKind.Help,
            _ => TriggerKind.Generate,
        };
        trigger = trigger with { Mode = command.Mode ?? LabelModes(trigger.Labels, settings.TriggerLabel), Instructions = command.Instructions, Reason = command.Unknown };
        return kind is TriggerKind.Help or TriggerKind.Assess
            ? trigger with { Kind = kind }
            : trigger with { Kind = StopOr(trigger, settings, kind, out var reason), Reason = reason ?? command.Unknown };
    }

    private static Trigger Review(string eventName, JsonElement payload, EventSettings settings)
    {
        var pr = payload.GetProperty("pull_request");
        var trigger = FromPullRequest(eventName, payload, pr);
        if (!trigger.PullRequest!.HeadRef.StartsWith(settings.BranchPrefix, StringComparison.Ordinal))
        {
            return trigger with { Kind = TriggerKind.Ignore, Reason = "the pull request is not one of the bot's" };
        }

        var body = eventName == "pull_request_review" ? payload.Path("review", "body") : payload.Path("comment", "body");
        var author = ActorOf(payload.GetProperty(eventName == "pull_request_review" ? "review" : "comment"), "user") ?? ActorOf(payload, "sender");
        trigger = trigger with { Actor = author, Instructions = body ?? "" };
        var kind = settings.AutoRevise ? TriggerKind.Revise : TriggerKind.Feedback;
        return trigger with { Kind = StopOr(trigger, settings, kind, out var reason), Reason = reason };
    }

    private static Trigger PullRequestEvent(string eventName, string? action, JsonElement payload, EventSettings settings)
    {
        var trigger = FromPullRequest(eventName, payload, payload.GetProperty("pull_request"));
        if (settings.AssessOnly)
        {
            return action is "opened" or "synchronize" or "reopened" or "ready_for_review"
                ? trigger with { Kind = TriggerKind.Assess }
                : trigger with { Kind = TriggerKind.Ignore, Reason = $"the assess action reports on opened or updated pull requests, not '{action}'" };
        }

        // The bot's pull request merged or closed: the task's outcome, for learning (no run, no reply).
        if (action == "closed" && trigger.PullRequest is { IsFork: false } refs && refs.HeadRef.StartsWith(settings.BranchPrefix, StringComparison.Ordinal))
        {
            var pr = payload.GetProperty("pull_request");
            return trigger with { Kind = TriggerKind.Closed, Merged = pr.TryGetProperty("merged", out var merged) && merged.ValueKind == JsonValueKind.True };
        }

        // The control block's retry box, ticked by a person (the bot writes it unticked).
        if (action == "edited" && ControlBlock.RetryRequested(trigger.Body)
            && !ControlBlock.RetryRequested(payload.Path("changes", "body", "from")))
        {
            return trigger with { Kind = StopOr(trigger, settings, TriggerKind.Retry, out var reason), Reason = reason };
        }

        return trigger with { Kind = TriggerKind.Ignore, Reason = $"the pull request event '{action}' does not start a run" };
    }

    private static Trigger Dispatch(JsonElement payload, EventSettings settings)
    {
        var inputs = payload.TryGetProperty("inputs", out var i) && i.ValueKind == JsonValueKind.Object ? i : default;
        var issue = settings.DispatchIssue ?? (int.TryParse(inputs.Str("issue_number") ?? inputs.Str("issue"), out var n) ? n : null);
        var task = settings.DispatchTask is { Length: > 0 } t ? t : inputs.Str("task") ?? "";
        var mode = settings.DispatchMode ?? SlashCommand.ModeOf(inputs.Str("mode"));
        var trigger = new Trigger { EventName = "workflow_dispatch", Kind = TriggerKind.Generate, Actor = ActorOf(payload, "sender"), Number = issue, Instructions = task, Mode = mode };
        return issue is null && task.Trim().Length == 0
            ? trigger with { Kind = TriggerKind.Ignore, Reason = "a manual run needs an issue number or a task (the issue_number or task input)" }
            : trigger;
    }

    private static Trigger FromIssue(string eventName, JsonElement payload, JsonElement issue) => new()
    {
        EventName = eventName,
        Kind = TriggerKind.Ignore,
        Actor = ActorOf(payload, "sender"),
        Number = issue.Int("number"),
        IsPullRequest = issue.TryGetProperty("pull_request", out var pr) && pr.ValueKind == JsonValueKind.Object,
        Title = issue.Str("title"),
        Body = issue.Str("body") ?? "",
        Labels = Labels(issue),
    };

    private static Trigger FromPullRequest(string eventName, JsonElement payload, JsonElement pr) => new()
    {
        EventName = eventName,
        Kind = TriggerKind.Ignore,
        Actor = ActorOf(payload, "sender"),
        Number = pr.Int("number"),
        IsPullRequest = true,
        Title = pr.Str("title"),
        Body = pr.Str("body") ?? "",
        Labels = Labels(pr),
        PullRequest = new PullRequestRefs(
            pr.Path("head", "ref") ?? "",
            pr.Path("head", "sha") ?? "",
            pr.Path("base", "ref") ?? "",
            pr.Path("base", "sha") ?? "",
            IsFork(pr)),
    };

    /// <summary>A head in another repository than the base, or a head repository GitHub no longer knows (a deleted fork).</summary>
    private static bool IsFork(JsonElement pr)
    {
        if (!pr.TryGetProperty("head", out var head) || !head.TryGetProperty("repo", out var repo) || repo.ValueKind != JsonValueKind.Object)
        {
            return true;
        }

        return repo.Bool("fork") || !string.Equals(repo.Str("full_name"), pr.Path("base", "repo", "full_name"), StringComparison.OrdinalIgnoreCase);
    }

    private static TriggerKind StopOr(Trigger trigger, EventSettings settings, TriggerKind kind, out string? reason)
    {
        var stopped = trigger.Labels.Contains(settings.StopLabel, StringComparer.OrdinalIgnoreCase);
        reason = stopped ? $"it carries the '{settings.StopLabel}' label" : null;
        return stopped ? TriggerKind.Ignore : kind;
    }

    /// <summary>The mode of a <c>codegen</c> or <c>codegen:bugfix</c> label; <paramref name="matches"/> says whether it is a trigger label at all.</summary>
    internal static GenerationMode? LabelMode(string label, string triggerLabel, out bool matches)
    {
        if (string.Equals(label, triggerLabel, StringComparison.OrdinalIgnoreCase))
        {
            matches = true;
            return null;
        }

        var prefix = triggerLabel + ":";
        var mode = label.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) ? SlashCommand.ModeOf(label[prefix.Length..]) : null;
        matches = mode is not null;
        return mode;
    }

    private static GenerationMode? LabelModes(IEnumerable<string> labels, string triggerLabel) =>
        labels.Select(l => LabelMode(l, triggerLabel, out _)).FirstOrDefault(m => m is not null);

    private static List<string> Labels(JsonElement item) =>
        item.TryGetProperty("labels", out var labels) && labels.ValueKind == JsonValueKind.Array
            ? labels.EnumerateArray().Select(l => l.ValueKind == JsonValueKind.String ? l.GetString() : l.Str("name")).OfType<string>().ToList()
            : [];

    private static Actor? ActorOf(JsonElement payload, string property) =>
        payload.TryGetProperty(property, out var user) && user.ValueKind == JsonValueKind.Object ? ActorOf(user) : null;

    private static Actor ActorOf(JsonElement user)
    {
        var login = user.Str("login") ?? "";
        return new Actor(login, user.Str("type") == "Bot" || login.EndsWith("[bot]", StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>The first of the named properties that is not an object, or null when all are.</summary>
    private static string? Missing(JsonElement payload, params string[] names) =>
        names.FirstOrDefault(n => payload.ValueKind != JsonValueKind.Object || !payload.TryGetProperty(n, out var value) || value.ValueKind != JsonValueKind.Object);

    private static Trigger Ignore(string eventName, JsonElement payload, string reason) =>
        new() { EventName = eventName, Kind = TriggerKind.Ignore, Actor = payload.ValueKind == JsonValueKind.Object ? ActorOf(payload, "sender") : null, Reason = reason };
}
