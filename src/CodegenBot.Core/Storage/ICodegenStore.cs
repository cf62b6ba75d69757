using CodegenBot.Core.Context.Caching;
using CodegenBot.Core.Learning;

namespace CodegenBot.Core.Storage;

/// <summary>
/// The bot's durable state: tasks and their attempts, the audit log, lessons, feedback history, run history and
/// the context cache. SQLite (the default) and PostgreSQL implement it in CodegenBot.Storage, with the same
/// behaviour (one contract test suite runs on both). Operations retry transient faults themselves; one that still
/// fails throws <see cref="StoreUnavailableException"/>.
/// </summary>
public interface ICodegenStore : IAsyncDisposable
{
    /// <summary>What and where the store is, for logs (never the password).</summary>
    string Description { get; }

    /// <summary>Tasks, their transitions and attempts.</summary>
    ITaskStore Tasks { get; }

    /// <summary>Every action taken on GitHub or a repository.</summary>
    IAuditLog Audit { get; }

    /// <summary>Lessons per repository.</summary>
    ILessonStore Lessons { get; }

    /// <summary>Feedback items per task, for patterns across tasks.</summary>
    IFeedbackHistory Feedback { get; }

    /// <summary>Finished runs, for metrics history.</summary>
    IRunHistory Runs { get; }

    /// <summary>The context engine's cache.</summary>
    IContextCacheStore ContextCache { get; }

    /// <summary>
    /// Deletes what is older than <paramref name="before"/>: audit entries, feedback, runs and their attempts, and
    /// finished tasks with their transitions (running and interrupted tasks are kept). Lessons are kept.
    /// Returns the rows deleted.
    /// </summary>
    Task<int> PruneAsync(DateTimeOffset before, CancellationToken cancellationToken);
}

/// <summary>Tasks and the state machine they move through.</summary>
public interface ITaskStore
{
    /// <summary>
    /// Records the task when new (in its given state, with its checkpoint); an existing task keeps its state, holder,
    /// checkpoint and time (they belong to the run holding it) and takes the new title and mode.
    /// </summary>
    Task<TaskRecord> UpsertAsync(TaskRecord task, CancellationToken cancellationToken);

    /// <summary>The task, or null.</summary>
    Task<TaskRecord?> GetAsync(string id, CancellationToken cancellationToken);

    /// <summary>
    /// Moves the task to <paramref name="target"/> when it is in <paramref name="expected"/> (compare-and-set, so two
    /// processes cannot both start it) and, when <paramref name="expected"/> is running, held by run
    /// <paramref name="runId"/> (so a run cannot end another run's work); the task is then held by
    /// <paramref name="runId"/>. False when the state or holder was not as expected.
    /// </summary>
    /// <exception cref="InvalidOperationException">The move is not allowed by <see cref="TaskStates.CanMove"/>.</exception>
    Task<bool> TransitionAsync(string id, TaskState expected, TaskState target, string runId, string reason, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>
    /// Takes over a running task whose run has not been heard of since <paramref name="staleBefore"/> (its process
    /// is gone): records it interrupted, then running for <paramref name="runId"/>. False when the task is not
    /// running or its run is alive.
    /// </summary>
    Task<bool> TakeOverAsync(string id, DateTimeOffset staleBefore, string runId, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>Saves what a resumed run needs and marks the task alive at <paramref name="at"/>, when run <paramref name="runId"/> holds it.</summary>
    Task SaveCheckpointAsync(string id, string runId, string checkpoint, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>The task's transitions, oldest first.</summary>
    Task<IReadOnlyList<TaskTransition>> HistoryAsync(string id, CancellationToken cancellationToken);

    /// <summary>Records one attempt.</summary>
    Task RecordAttemptAsync(AttemptEntry attempt, CancellationToken cancellationToken);

    /// <summary>The task's attempts over all its runs, in order.</summary>
    Task<IReadOnlyList<AttemptEntry>> AttemptsAsync(string taskId, CancellationToken cancellationToken);

    /// <summary>Tasks to resume: interrupted ones, and running ones not heard of since <paramref name="staleBefore"/>.</summary>
    Task<IReadOnlyList<TaskRecord>> ResumableAsync(DateTimeOffset staleBefore, CancellationToken cancellationToken);
}

/// <summary>The audit log: append-only.</summary>
public interface IAuditLog
{
    /// <summary>Appends an entry.</summary>
    Task AppendAsync(AuditEntry entry, CancellationToken cancellationToken);

    /// <summary>Entries since a time, oldest first, optionally of one repository or task, at most <paramref name="limit"/> (the newest).</summary>
    Task<IReadOnlyList<AuditEntry>> QueryAsync(DateTimeOffset since, string? repository, string? taskId, int limit, CancellationToken cancellationToken);
}

/// <summary>Lessons per repository.</summary>
public interface ILessonStore
{
    /// <summary>Inserts or replaces the lesson with its id.</summary>
    Task UpsertAsync(Lesson lesson, CancellationToken cancellationToken);

    /// <summary>The repository's lessons, by id.</summary>
    Task<IReadOnlyList<Lesson>> ListAsync(string repository, CancellationToken cancellationToken);
}

/// <summary>Feedback items per task.</summary>
public interface IFeedbackHistory
{
    /// <summary>Records a task's items (one per key and task; recording the same key again updates its message and time).</summary>
    Task RecordAsync(IReadOnlyList<FeedbackEntry> entries, CancellationToken cancellationToken);

    /// <summary>Keys seen in at least <paramref name="minTasks"/> tasks of the repository since a time, most tasks first, at most <paramref name="limit"/>.</summary>
    Task<IReadOnlyList<FeedbackPatternRow>> PatternsAsync(string repository, int minTasks, DateTimeOffset since, int limit, CancellationToken cancellationToken);
}

/// <summary>Finished runs.</summary>
public interface IRunHistory
{
    /// <summary>Records a run (replacing one with the same id).</summary>
    Task RecordAsync(RunRecord run, CancellationToken cancellationToken);

    /// <summary>Runs started since a time, oldest first, optionally of one repository.</summary>
    Task<IReadOnlyList<RunRecord>> ListAsync(DateTimeOffset since, string? repository, CancellationToken cancellationToken);
}

/// <summary>The store could not be reached or written after retries; says what to do in one sentence.</summary>
public sealed class StoreUnavailableException : UserErrorException
{
    /// <summary>Creates the exception with a message for the user.</summary>
    public StoreUnavailableException(string message) : base(message)
    {
    }

    /// <summary>Creates the exception with a message for the user and its cause.</summary>
    public StoreUnavailableException(string message, Exception innerException) : base(message, innerException)
    {
    }

    /// <summary>Creates an exception with a generic message.</summary>
    public StoreUnavailableException() : base("The store cannot be reached; check its configuration (storage section) and try again.")
    {
    }
}

/// <summary>Opens the configured store (CodegenBot.Storage implements it; hosts register it).</summary>
public interface ICodegenStoreFactory
{
    /// <summary>
    /// The store <paramref name="options"/> names, migrated to the latest schema, or null when storage is off.
    /// </summary>
    /// <exception cref="StoreUnavailableException">The store cannot be reached or used; the message says what to do.</exception>
    Task<ICodegenStore?> OpenAsync(Configuration.StorageOptions options, IReadOnlyDictionary<string, string?> environment, CancellationToken cancellationToken);
}
