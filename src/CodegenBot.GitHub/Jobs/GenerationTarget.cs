using CodegenBot.Core.Requests;
using CodegenBot.GitHub.Events;

namespace CodegenBot.GitHub.Jobs;

/// <summary>What one generation job works on: the task, the branch, and where it reports.</summary>
internal sealed record GenerationTarget
{
    /// <summary>The request, kept in the pull request's control block for retries.</summary>
    public required PullRequestOrigin Origin { get; init; }

    /// <summary>The title of the change (and of the pull request).</summary>
    public required string Title { get; init; }

    /// <summary>The task text given to the engine (fenced as untrusted data in the prompt).</summary>
    public required string Task { get; init; }

    /// <summary>The bot's branch for it.</summary>
    public required string Branch { get; init; }

    /// <summary>The issue or pull request that carries the tracking comment, if any.</summary>
    public int? TrackingNumber { get; init; }

    /// <summary>Labels of the issue.</summary>
    public IReadOnlyList<string> Labels { get; init; } = [];

    /// <summary>Who asked.</summary>
    public string? RequestedBy { get; init; }

    /// <summary>Work on top of the branch as it is (revise) instead of regenerating from the base.</summary>
    public bool OnTopOfBranch { get; init; }

    /// <summary>What people asked for that this run answers (review comments, revise instructions), recorded as USER feedback.</summary>
    public IReadOnlyList<Core.Feedback.FeedbackItem> UserFeedback { get; init; } = [];

    /// <summary>The mode.</summary>
    public GenerationMode Mode => Origin.Mode;
}
