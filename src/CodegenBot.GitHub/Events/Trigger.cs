using CodegenBot.Core.Requests;

namespace CodegenBot.GitHub.Events;

/// <summary>What an event asks the bot to do.</summary>
public enum TriggerKind
{
    /// <summary>Generate a change for an issue, a comment's instructions or a free-text task.</summary>
    Generate,

    /// <summary>Run an issue's or pull request's request again.</summary>
    Retry,

    /// <summary>Address the open review comments of the bot's pull request.</summary>
    Revise,

    /// <summary>Post a pull request's quality report.</summary>
    Assess,

    /// <summary>Answer with the help text.</summary>
    Help,

    /// <summary>A review on the bot's pull request: recorded as feedback.</summary>
    Feedback,

    /// <summary>A scheduled refactoring run.</summary>
    Refactor,

    /// <summary>The bot's pull request was merged or closed: recorded as the task's outcome (learning).</summary>
    Closed,

    /// <summary>Nothing to do; <see cref="Trigger.Reason"/> says why.</summary>
    Ignore,
}

/// <summary>The author of an event.</summary>
/// <param name="Login">The GitHub login.</param>
/// <param name="IsBot">Whether the account is a bot (<c>type: Bot</c> or a <c>[bot]</c> login).</param>
public sealed record Actor(string Login, bool IsBot);

/// <summary>The head and base of a pull request, as far as the event tells.</summary>
/// <param name="HeadRef">The head branch.</param>
/// <param name="HeadSha">The head commit.</param>
/// <param name="BaseRef">The base branch.</param>
/// <param name="BaseSha">The base commit.</param>
/// <param name="IsFork">Whether the head lives in another repository.</param>
public sealed record PullRequestRefs(string HeadRef, string HeadSha, string BaseRef, string BaseSha, bool IsFork);

/// <summary>An event, mapped to what the bot should do. Holds no Octokit type, so the Core and tests need none.</summary>
public sealed record Trigger
{
    /// <summary>The event's name (<c>issues</c>, <c>issue_comment</c>...).</summary>
    public required string EventName { get; init; }

    /// <summary>What to do.</summary>
    public required TriggerKind Kind { get; init; }

    /// <summary>Who caused the event; null for schedules.</summary>
    public Actor? Actor { get; init; }

    /// <summary>The issue or pull request number, when the event has one.</summary>
    public int? Number { get; init; }

    /// <summary>Whether <see cref="Number"/> is a pull request.</summary>
    public bool IsPullRequest { get; init; }

    /// <summary>The comment that holds the command, for the reaction.</summary>
    public long? CommentId { get; init; }

    /// <summary>The mode asked for by a label, a command or an input.</summary>
    public GenerationMode? Mode { get; init; }

    /// <summary>Instructions given with a command, or the free-text task of a manual run.</summary>
    public string Instructions { get; init; } = "";

    /// <summary>The or pull request's title.</summary>
    public string? Title { get; init; }

    /// <summary>The or pull request's body.</summary>
    public string? Body { get; init; }

    /// <summary>The or pull request's labels.</summary>
    public IReadOnlyList<string> Labels { get; init; } = [];

    /// <summary>The pull request's refs, when the payload carries them.</summary>
    public PullRequestRefs? PullRequest { get; init; }

    /// <summary>Whether the pull request of a <see cref="TriggerKind.Closed"/> event was merged.</summary>
    public bool Merged { get; init; }

    /// <summary>Why nothing is done (for <see cref="TriggerKind.Ignore"/>), or the unknown command (for help).</summary>
    public string? Reason { get; init; }

    /// <summary>
    /// Whether the run needs someone allowed to trigger it: every kind but schedules, ignored events, the closing of
    /// the bot's pull request (only recorded) and the assess
    /// action's reports on pull request events (the workflow's owner chose to report on every pull request, and a
    /// report runs nothing from it).
    /// </summary>
    public bool NeedsPermission =>
        Kind is not (TriggerKind.Ignore or TriggerKind.Refactor or TriggerKind.Closed)
        && !(Kind == TriggerKind.Assess && EventName is "pull_request" or "pull_request_target")
        && Actor is not null;
}
