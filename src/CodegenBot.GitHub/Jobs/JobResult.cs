using CodegenBot.Core.Quality;
using CodegenBot.GitHub.PullRequests;

namespace CodegenBot.GitHub.Jobs;

/// <summary>How a job ended, as the <c>status</c> output says it.</summary>
public enum JobStatus
{
    /// <summary>A pull request was opened.</summary>
    Created,

    /// <summary>The open pull request was updated.</summary>
    Updated,

    /// <summary>Nothing to change (e.g. no review comments to address).</summary>
    NoChange,

    /// <summary>No attempt passed the checks.</summary>
    GaveUp,

    /// <summary>The actor may not trigger the bot, or the request cannot run here (a fork).</summary>
    Refused,

    /// <summary>The event is not for the bot.</summary>
    Ignored,

    /// <summary>A configuration, model-access or GitHub error stopped the job.</summary>
    Failed,

    /// <summary>The change passed, and the dry run stopped before pushing.</summary>
    DryRun,

    /// <summary>A quality report was posted.</summary>
    Assessed,

    /// <summary>A help text or review feedback was answered or recorded.</summary>
    Answered,
}

/// <summary>The end of a job: its status, exit code and the step outputs.</summary>
public sealed record JobResult(JobStatus Status, int ExitCode)
{
    /// <summary>The pull request opened or updated.</summary>
    public PublishedPullRequest? PullRequest { get; init; }

    /// <summary>The overall quality score of the change or the assessed pull request.</summary>
    public double? QualityScore { get; init; }

    /// <summary>Tokens used (in + out).</summary>
    public long Tokens { get; init; }

    /// <summary>USD, when the model is priced.</summary>
    public double? Cost { get; init; }

    /// <summary>Markdown for the job summary.</summary>
    public string Summary { get; init; } = "";

    /// <summary>Findings to annotate.</summary>
    public IReadOnlyList<Finding> Findings { get; init; } = [];

    /// <summary>One line for the log.</summary>
    public string Message { get; init; } = "";

    /// <summary>The output name of a status (<c>gave-up</c>, <c>dry-run</c>...).</summary>
    public string StatusText => Status switch
    {
        JobStatus.NoChange => "no-change",
        JobStatus.GaveUp => "gave-up",
        JobStatus.DryRun => "dry-run",
        _ => Status.ToString().ToLowerInvariant(),
    };
}
