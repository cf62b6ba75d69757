namespace CodegenBot.Core.Storage;

/// <summary>Where a task is in its life. Allowed moves are in <see cref="TaskStates"/>.</summary>
public enum TaskState
{
    /// <summary>Accepted, not started.</summary>
    Queued,

    /// <summary>A process is working on it (its heartbeat is <see cref="TaskRecord.UpdatedAt"/>).</summary>
    Running,

    /// <summary>A change passed the checks (and was pushed, unless a dry run).</summary>
    Succeeded,

    /// <summary>No attempt passed the checks, or the run failed; a retry may start it again.</summary>
    Failed,

    /// <summary>Stopped by a person or the stop label.</summary>
    Cancelled,

    /// <summary>The process lost the store or was stopped mid-run; the task can be resumed from its checkpoint.</summary>
    Interrupted,
}

/// <summary>The allowed state transitions of a task.</summary>
public static class TaskStates
{
    /// <summary>Whether a task may move from <paramref name="from"/> to <paramref name="to"/>.</summary>
    public static bool CanMove(TaskState from, TaskState to) => (from, to) switch
    {
        (TaskState.Queued, TaskState.Running or TaskState.Cancelled) => true,
        (TaskState.Running, TaskState.Succeeded or TaskState.Failed or TaskState.Cancelled or TaskState.Interrupted) => true,
        (TaskState.Interrupted or TaskState.Failed or TaskState.Succeeded or TaskState.Cancelled, TaskState.Queued or TaskState.Running) => true,
        _ => false,
    };

    /// <summary>Whether a task in this state has ended (nothing is working on it).</summary>
    public static bool IsFinal(TaskState state) => state is TaskState.Succeeded or TaskState.Failed or TaskState.Cancelled;
}

/// <summary>One task: a request the bot works on, with the state it is in.</summary>
public sealed record TaskRecord
{
    /// <summary>A stable id: <c>owner/name#12</c> for an issue, <c>owner/name:task-slug</c>, or a local run's id.</summary>
    public required string Id { get; init; }

    /// <summary>The repository, as owner/name or a local path.</summary>
    public required string Repository { get; init; }

    /// <summary>The generation mode (configuration spelling).</summary>
    public required string Mode { get; init; }

    /// <summary>A short title.</summary>
    public string Title { get; init; } = "";

    /// <summary>The state now.</summary>
    public TaskState State { get; init; } = TaskState.Queued;

    /// <summary>The run that made the last move (while running: the run working on it).</summary>
    public string Owner { get; init; } = "";

    /// <summary>What a resumed run needs, as the caller serialised it (the request); never secrets.</summary>
    public string Checkpoint { get; init; } = "";

    /// <summary>When it was first recorded.</summary>
    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>When its state or checkpoint last changed.</summary>
    public required DateTimeOffset UpdatedAt { get; init; }
}

/// <summary>One change of a task's state.</summary>
public sealed record TaskTransition(string TaskId, TaskState From, TaskState To, DateTimeOffset At, string Reason);

/// <summary>One attempt of a task, as recorded.</summary>
public sealed record AttemptEntry
{
    /// <summary>The task.</summary>
    public required string TaskId { get; init; }

    /// <summary>The run of the task (a task may run several times).</summary>
    public required string RunId { get; init; }

    /// <summary>1-based attempt number within the run.</summary>
    public required int Number { get; init; }

    /// <summary>Why it failed (retry reason, configuration spelling), or empty when it passed.</summary>
    public string Failure { get; init; } = "";

    /// <summary>The failure in one line.</summary>
    public string Summary { get; init; } = "";

    /// <summary>The overall quality score, when assessed.</summary>
    public double? QualityScore { get; init; }

    /// <summary>Tokens sent.</summary>
    public long InputTokens { get; init; }

    /// <summary>Tokens received.</summary>
    public long OutputTokens { get; init; }

    /// <summary>Cost in USD, when priced.</summary>
    public double? Cost { get; init; }

    /// <summary>Wall time.</summary>
    public TimeSpan Duration { get; init; }

    /// <summary>When it ended.</summary>
    public required DateTimeOffset At { get; init; }
}

/// <summary>One action taken on GitHub or in a repository, for the audit log.</summary>
public sealed record AuditEntry
{
    /// <summary>When.</summary>
    public required DateTimeOffset At { get; init; }

    /// <summary>The repository acted on.</summary>
    public required string Repository { get; init; }

    /// <summary>What was done, as <c>area.verb</c> (github.request, git.push, pull_request.create...).</summary>
    public required string Action { get; init; }

    /// <summary>What it was done to (an API path, a branch, a pull request).</summary>
    public string Target { get; init; } = "";

    /// <summary>Who it was done for (the person who triggered the run), when known.</summary>
    public string Actor { get; init; } = "";

    /// <summary>The task it belongs to, when any.</summary>
    public string TaskId { get; init; } = "";

    /// <summary>How it ended (an HTTP status, ok, failed: reason).</summary>
    public string Outcome { get; init; } = "";
}

/// <summary>One feedback item a task drew, kept so patterns across tasks of a repository can be seen.</summary>
public sealed record FeedbackEntry
{
    /// <summary>The repository.</summary>
    public required string Repository { get; init; }

    /// <summary>The task.</summary>
    public required string TaskId { get; init; }

    /// <summary>The item's stable key (same problem, same key).</summary>
    public required string Key { get; init; }

    /// <summary>Its category (QUALITY, ERROR, VALIDATION, PERFORMANCE, SECURITY, USER).</summary>
    public required string Category { get; init; }

    /// <summary>The message, as the prompt showed it.</summary>
    public required string Message { get; init; }

    /// <summary>When.</summary>
    public required DateTimeOffset At { get; init; }
}

/// <summary>A feedback key seen in several tasks of one repository.</summary>
/// <param name="Key">The key.</param>
/// <param name="Category">Its category.</param>
/// <param name="Message">The latest message under it.</param>
/// <param name="Tasks">How many distinct tasks drew it.</param>
/// <param name="LastSeen">When it was last seen.</param>
public sealed record FeedbackPatternRow(string Key, string Category, string Message, int Tasks, DateTimeOffset LastSeen);

/// <summary>One finished run, for metrics history and <c>codegen stats</c>.</summary>
public sealed record RunRecord
{
    /// <summary>The run's id.</summary>
    public required string RunId { get; init; }

    /// <summary>The task.</summary>
    public required string TaskId { get; init; }

    /// <summary>The repository.</summary>
    public required string Repository { get; init; }

    /// <summary>The mode (configuration spelling).</summary>
    public required string Mode { get; init; }

    /// <summary>How it ended: succeeded, gave_up, failed, cancelled.</summary>
    public required string Outcome { get; init; }

    /// <summary>Why the last attempt failed (retry reason, configuration spelling: quality_threshold, api_error...), or empty.</summary>
    public string Failure { get; init; } = "";

    /// <summary>When it started.</summary>
    public required DateTimeOffset StartedAt { get; init; }

    /// <summary>Wall time.</summary>
    public TimeSpan Duration { get; init; }

    /// <summary>Attempts made.</summary>
    public int Attempts { get; init; }

    /// <summary>The last assessed attempt's overall quality score.</summary>
    public double? QualityScore { get; init; }

    /// <summary>Tokens sent, over all attempts.</summary>
    public long InputTokens { get; init; }

    /// <summary>Tokens received, over all attempts.</summary>
    public long OutputTokens { get; init; }

    /// <summary>Cost in USD, when priced.</summary>
    public double? Cost { get; init; }

    /// <summary>Time gathering context.</summary>
    public TimeSpan ContextTime { get; init; }

    /// <summary>Per-file analyses served from the cache.</summary>
    public int CacheHits { get; init; }

    /// <summary>Per-file analyses looked up (hits plus misses).</summary>
    public int CacheLookups { get; init; }

    /// <summary>Time waiting for the model.</summary>
    public TimeSpan ModelTime { get; init; }

    /// <summary>Model calls retried (rate limits, 5xx, timeouts).</summary>
    public int ModelRetries { get; init; }

    /// <summary>Attempts retried, by reason (configuration spelling → count).</summary>
    public IReadOnlyDictionary<string, int> RetriesByReason { get; init; } = new Dictionary<string, int>();

    /// <summary>Lessons the prompt carried.</summary>
    public int LessonsUsed { get; init; }

    /// <summary>The model.</summary>
    public string Model { get; init; } = "";
}
