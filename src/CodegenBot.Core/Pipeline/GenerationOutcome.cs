using CodegenBot.Core.Context;
using CodegenBot.Core.Generation;
using CodegenBot.Core.Quality;
using CodegenBot.Core.Requests;
using CodegenBot.Core.Resilience;
using CodegenBot.Core.Workspace;

namespace CodegenBot.Core.Pipeline;

/// <summary>One attempt: what the model answered, what was applied, what the checks found.</summary>
public sealed record AttemptRecord
{
    /// <summary>1-based attempt number.</summary>
    public required int Number { get; init; }

    /// <summary>Why the attempt did not pass; null when it passed.</summary>
    public RetryReason? Failure { get; init; }

    /// <summary>A one-line summary of the failure.</summary>
    public string? FailureSummary { get; init; }

    /// <summary>Problems with the answer's edits (parsing, refused paths, unmatched SEARCH text).</summary>
    public IReadOnlyList<string> Problems { get; init; } = [];

    /// <summary>The assessment, when the edits applied.</summary>
    public QualityAssessment? Assessment { get; init; }

    /// <summary>The edits applied.</summary>
    public IReadOnlyList<AppliedEdit> Edits { get; init; } = [];

    /// <summary>Tokens sent.</summary>
    public long InputTokens { get; init; }

    /// <summary>Tokens received.</summary>
    public long OutputTokens { get; init; }

    /// <summary>The repository's own commands run on this attempt's change, when it passed assessment.</summary>
    public Quality.Validation.ValidationRun? Validation { get; init; }

    /// <summary>Input tokens the provider served from its prompt cache (part of <see cref="InputTokens"/>).</summary>
    public long CachedInputTokens { get; init; }

    /// <summary>What the attempt's calls cost in USD, or null when the model has no price in <c>model.prices</c>.</summary>
    public double? Cost { get; init; }

    /// <summary>Wall time of the attempt.</summary>
    public TimeSpan Duration { get; init; }

    /// <summary>The change this attempt made, when it made one.</summary>
    public ChangeSet? Changes { get; init; }
}

/// <summary>Time spent in one stage over the whole run.</summary>
public sealed record StageTiming(string Stage, TimeSpan Elapsed);

/// <summary>The result of one request: success with a commit, or the reason it gave up, and everything in between.</summary>
public sealed record GenerationOutcome
{
    /// <summary>The request.</summary>
    public required GenerationRequest Request { get; init; }

    /// <summary>The model called.</summary>
    public required ModelSelection Model { get; init; }

    /// <summary>Whether a change passed the checks (and, unless a dry run, was committed).</summary>
    public required bool Succeeded { get; init; }

    /// <summary>Why the run gave up, in one sentence; null on success.</summary>
    public string? GiveUpReason { get; init; }

    /// <summary>The branch the change is on (deleted again after a dry run or when giving up).</summary>
    public required string Branch { get; init; }

    /// <summary>The branch the user had checked out, which the bot never changes.</summary>
    public required string BaseBranch { get; init; }

    /// <summary>The commit the work branched from.</summary>
    public required string BaseSha { get; init; }

    /// <summary>The commit made, or null.</summary>
    public string? CommitSha { get; init; }

    /// <summary>Every attempt in order.</summary>
    public required IReadOnlyList<AttemptRecord> Attempts { get; init; }

    /// <summary>The context given to the model.</summary>
    public required GatheredContext Context { get; init; }

    /// <summary>Time per stage.</summary>
    public required IReadOnlyList<StageTiming> Timings { get; init; }

    /// <summary>Retries of model calls, by reason.</summary>
    public required IReadOnlyDictionary<RetryReason, (int Count, TimeSpan Waited)> CallRetries { get; init; }

    /// <summary>The repository's own commands run on the base commit, when validation ran with a baseline.</summary>
    public Quality.Validation.ValidationRun? Baseline { get; init; }

    /// <summary>The task's feedback, processed: ranked items, recurring problems, suggestions (what learning and the store record).</summary>
    public Feedback.FeedbackSummary Feedback { get; init; } = CodegenBot.Core.Feedback.FeedbackSummary.Empty;

    /// <summary>The lessons the prompt carried, as it showed them.</summary>
    public IReadOnlyList<string> LessonsUsed { get; init; } = [];

    /// <summary>Tokens sent, over all attempts.</summary>
    public long InputTokens => Attempts.Sum(a => a.InputTokens);

    /// <summary>Tokens received, over all attempts.</summary>
    public long OutputTokens => Attempts.Sum(a => a.OutputTokens);

    /// <summary>What the attempts cost in USD, or null when none was priced.</summary>
    public double? Cost => Attempts.Any(a => a.Cost is not null) ? Attempts.Sum(a => a.Cost ?? 0) : null;

    /// <summary>The change of the last attempt that made one.</summary>
    public ChangeSet? Changes => Attempts.LastOrDefault(a => a.Changes is not null)?.Changes;
}
