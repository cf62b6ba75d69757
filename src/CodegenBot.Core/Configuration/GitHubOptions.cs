using System.ComponentModel.DataAnnotations;
using CodegenBot.Core.Requests;

namespace CodegenBot.Core.Configuration;

/// <summary>How the bot behaves on GitHub: what triggers it, and the pull requests it opens.</summary>
public sealed record GitHubOptions
{
    /// <summary>The issue label that starts a run; <c>LABEL:mode</c> labels (such as <c>codegen:bugfix</c>) pick the mode too.</summary>
    [Required]
    public string TriggerLabel { get; init; } = "codegen";

    /// <summary>The label that makes the bot leave an issue or pull request alone.</summary>
    [Required]
    public string StopLabel { get; init; } = "codegen:stop";

    /// <summary>Open pull requests as drafts.</summary>
    public bool Draft { get; init; }

    /// <summary>Labels put on every pull request the bot opens.</summary>
    public IReadOnlyList<string> Labels { get; init; } = ["codegen"];

    /// <summary>Users asked to review every pull request the bot opens.</summary>
    public IReadOnlyList<string> Reviewers { get; init; } = [];

    /// <summary>Teams (slugs of the repository's organisation) asked to review every pull request the bot opens.</summary>
    public IReadOnlyList<string> TeamReviewers { get; init; } = [];

    /// <summary>Address new review comments on the bot's pull requests without waiting for <c>/codegen revise</c>.</summary>
    public bool AutoRevise { get; init; }

    /// <summary>Scheduled refactoring runs.</summary>
    public RefactoringOptions Refactoring { get; init; } = new();

    /// <summary>Retries of GitHub API calls (server errors, secondary rate limits).</summary>
    public GitHubApiOptions Api { get; init; } = new();
}

/// <summary>What a scheduled run refactors.</summary>
public sealed record RefactoringOptions
{
    /// <summary>Globs of the files whose quality decides the hotspots.</summary>
    public IReadOnlyList<string> Paths { get; init; } = ["**/*"];

    /// <summary>The most pull requests one scheduled run opens (one per hotspot).</summary>
    [Range(0, 20)]
    public int MaxPullRequests { get; init; } = 1;

    /// <summary>The mode of the pull requests it opens.</summary>
    public GenerationMode Mode { get; init; } = GenerationMode.Refactor;

    /// <summary>Files scoring at or above this (0-100) are not hotspots.</summary>
    [Range(0.0, 100.0)]
    public double MaxScore { get; init; } = 80;
}

/// <summary>Resilience of the GitHub API client.</summary>
public sealed record GitHubApiOptions
{
    /// <summary>Retries of one call after a server error, a timeout or a rate limit.</summary>
    [Range(0, 10)]
    public int MaxRetries { get; init; } = 4;

    /// <summary>The longest wait a rate limit may ask for before the call gives up instead.</summary>
    public TimeSpan MaxRetryWait { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>Time limit of one call.</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(30);
}
