using System.Data.Common;
using System.Text.Json;
using CodegenBot.Core.Context.Caching;
using CodegenBot.Core.Learning;
using CodegenBot.Core.Storage;
using static CodegenBot.Storage.Sql.SqlDatabase;

namespace CodegenBot.Storage.Sql;

/// <summary>The store over one SQL database; the same statements run on SQLite and PostgreSQL.</summary>
internal sealed class SqlCodegenStore(SqlDatabase database, TimeProvider time) : ICodegenStore, ITaskStore, IAuditLog, ILessonStore, IFeedbackHistory, IRunHistory, IContextCacheStore
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public string Description => database.Description;

    public ITaskStore Tasks => this;

    public IAuditLog Audit => this;

    public ILessonStore Lessons => this;

    public IFeedbackHistory Feedback => this;

    public IRunHistory Runs => this;

    public IContextCacheStore ContextCache => this;

    public ValueTask DisposeAsync() => database.DisposeAsync();

    public Task<int> PruneAsync(DateTimeOffset before, CancellationToken cancellationToken) =>
        database.RunAsync(
            async (connection, token) =>
            {
                var cutoff = ("@before", (object?)Stored(before));
                await using var transaction = await connection.BeginTransactionAsync(token);
                var deleted = 0;
                foreach (var sql in (string[])[
                    "DELETE FROM audit_log WHERE at_ms < @before",
                    "DELETE FROM feedback WHERE at_ms < @before",
                    "DELETE FROM attempts WHERE at_ms < @before",
                    "DELETE FROM runs WHERE started_at < @before",
                    "DELETE FROM task_transitions WHERE task_id IN (SELECT id FROM tasks WHERE updated_at < @before AND state IN ('Succeeded', 'Failed', 'Cancelled'))",
                    "DELETE FROM tasks WHERE updated_at < @before AND state IN ('Succeeded', 'Failed', 'Cancelled')",
                ])
                {
                    deleted += await database.ExecuteAsync(connection, transaction, sql, token, cutoff);
                }

                await transaction.CommitAsync(token);
                return deleted;
            },
            cancellationToken);

    // ---- tasks ----

    private const string TaskColumns = "id, repository, mode, title, state, checkpoint, created_at, updated_at, owner";

    async Task<TaskRecord> ITaskStore.UpsertAsync(TaskRecord task, CancellationToken cancellationToken)
    {
        await database.RunAsync(
            (connection, token) => database.ExecuteAsync(
                connection, null,
                $"""
                INSERT INTO tasks ({TaskColumns}) VALUES (@id, @repository, @mode, @title, @state, @checkpoint, @created, @updated, @owner)
                ON CONFLICT (id) DO UPDATE SET title = excluded.title, mode = excluded.mode
                """,
                token,
                ("@id", task.Id), ("@repository", task.Repository), ("@mode", task.Mode), ("@title", task.Title),
                ("@state", task.State.ToString()), ("@checkpoint", task.Checkpoint), ("@created", Stored(task.CreatedAt)), ("@updated", Stored(task.UpdatedAt)), ("@owner", task.Owner)),
            cancellationToken);
        return (await Tasks.GetAsync(task.Id, cancellationToken))!;
    }

    async Task<TaskRecord?> ITaskStore.GetAsync(string id, CancellationToken cancellationToken) =>
        (await database.RunAsync((connection, token) => database.QueryAsync(connection, $"SELECT {TaskColumns} FROM tasks WHERE id = @id", ReadTask, token, ("@id", id)), cancellationToken))
        .FirstOrDefault();

    Task<bool> ITaskStore.TransitionAsync(string id, TaskState expected, TaskState target, string runId, string reason, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var (from, to) = (expected, target);
        if (!TaskStates.CanMove(from, to))
        {
            throw new InvalidOperationException($"A task cannot move from {from} to {to}.");
        }

        return database.RunAsync(
            async (connection, token) =>
            {
                await using var transaction = await connection.BeginTransactionAsync(token);
                var moved = await database.ExecuteAsync(
                    connection, transaction,
                    "UPDATE tasks SET state = @to, owner = @run, updated_at = @at WHERE id = @id AND state = @from AND (@from <> @running OR owner = @run)", token,
                    ("@to", to.ToString()), ("@run", runId), ("@at", Stored(at)), ("@id", id), ("@from", from.ToString()), ("@running", nameof(TaskState.Running)));
                if (moved == 0)
                {
                    await transaction.RollbackAsync(token);
                    return false;
                }

                await AddTransitionAsync(connection, transaction, id, from, to, reason, at, token);
                await transaction.CommitAsync(token);
                return true;
            },
            cancellationToken);
    }

    Task<bool> ITaskStore.TakeOverAsync(string id, DateTimeOffset staleBefore, string runId, DateTimeOffset at, CancellationToken cancellationToken) =>
        database.RunAsync(
            async (connection, token) =>
            {
                var previous = (await database.QueryAsync(connection, "SELECT owner FROM tasks WHERE id = @id", r => r.GetString(0), token, ("@id", id))).FirstOrDefault() ?? "";
                await using var transaction = await connection.BeginTransactionAsync(token);
                var moved = await database.ExecuteAsync(
                    connection, transaction,
                    "UPDATE tasks SET owner = @run, updated_at = @at WHERE id = @id AND state = @running AND updated_at < @stale", token,
                    ("@run", runId), ("@at", Stored(at)), ("@id", id), ("@running", nameof(TaskState.Running)), ("@stale", Stored(staleBefore)));
                if (moved == 0)
                {
                    await transaction.RollbackAsync(token);
                    return false;
                }

                await AddTransitionAsync(connection, transaction, id, TaskState.Running, TaskState.Interrupted, $"run {previous} was not heard of since before {staleBefore:u}", at, token);
                await AddTransitionAsync(connection, transaction, id, TaskState.Interrupted, TaskState.Running, $"run {runId} took it over", at, token);
                await transaction.CommitAsync(token);
                return true;
            },
            cancellationToken);

    private Task<int> AddTransitionAsync(DbConnection connection, DbTransaction transaction, string id, TaskState from, TaskState to, string reason, DateTimeOffset at, CancellationToken token) =>
        database.ExecuteAsync(
            connection, transaction, "INSERT INTO task_transitions (task_id, from_state, to_state, at_ms, reason) VALUES (@id, @from, @to, @at, @reason)", token,
            ("@id", id), ("@from", from.ToString()), ("@to", to.ToString()), ("@at", Stored(at)), ("@reason", reason));

    Task ITaskStore.SaveCheckpointAsync(string id, string runId, string checkpoint, DateTimeOffset at, CancellationToken cancellationToken) =>
        database.RunAsync(
            (connection, token) => database.ExecuteAsync(
                connection, null, "UPDATE tasks SET checkpoint = @checkpoint, updated_at = @at WHERE id = @id AND owner = @run", token,
                ("@checkpoint", checkpoint), ("@at", Stored(at)), ("@id", id), ("@run", runId)),
            cancellationToken);

    async Task<IReadOnlyList<TaskTransition>> ITaskStore.HistoryAsync(string id, CancellationToken cancellationToken) =>
        await database.RunAsync(
            (connection, token) => database.QueryAsync(
                connection, "SELECT task_id, from_state, to_state, at_ms, reason FROM task_transitions WHERE task_id = @id ORDER BY id",
                r => new TaskTransition(r.GetString(0), Enum.Parse<TaskState>(r.GetString(1)), Enum.Parse<TaskState>(r.GetString(2)), Time(r, 3), r.GetString(4)),
                token, ("@id", id)),
            cancellationToken);

    Task ITaskStore.RecordAttemptAsync(AttemptEntry attempt, CancellationToken cancellationToken) =>
        database.RunAsync(
            (connection, token) => database.ExecuteAsync(
                connection, null,
                """
                INSERT INTO attempts (task_id, run_id, number, failure, summary, quality_score, input_tokens, output_tokens, cost, duration_ms, at_ms)
                VALUES (@task, @run, @number, @failure, @summary, @score, @input, @output, @cost, @duration, @at)
                ON CONFLICT (task_id, run_id, number) DO UPDATE SET failure = excluded.failure, summary = excluded.summary,
                    quality_score = excluded.quality_score, input_tokens = excluded.input_tokens, output_tokens = excluded.output_tokens,
                    cost = excluded.cost, duration_ms = excluded.duration_ms, at_ms = excluded.at_ms
                """,
                token,
                ("@task", attempt.TaskId), ("@run", attempt.RunId), ("@number", (long)attempt.Number), ("@failure", attempt.Failure), ("@summary", attempt.Summary),
                ("@score", attempt.QualityScore), ("@input", attempt.InputTokens), ("@output", attempt.OutputTokens), ("@cost", attempt.Cost),
                ("@duration", (long)attempt.Duration.TotalMilliseconds), ("@at", Stored(attempt.At))),
            cancellationToken);

    async Task<IReadOnlyList<AttemptEntry>> ITaskStore.AttemptsAsync(string taskId, CancellationToken cancellationToken) =>
        await database.RunAsync(
            (connection, token) => database.QueryAsync(
                connection,
                "SELECT task_id, run_id, number, failure, summary, quality_score, input_tokens, output_tokens, cost, duration_ms, at_ms FROM attempts WHERE task_id = @task ORDER BY at_ms, run_id, number",
                r => new AttemptEntry
                {
                    TaskId = r.GetString(0),
                    RunId = r.GetString(1),
                    Number = (int)Long(r, 2),
                    Failure = r.GetString(3),
                    Summary = r.GetString(4),
                    QualityScore = NullableDouble(r, 5),
                    InputTokens = Long(r, 6),
                    OutputTokens = Long(r, 7),
                    Cost = NullableDouble(r, 8),
                    Duration = TimeSpan.FromMilliseconds(Long(r, 9)),
                    At = Time(r, 10),
                },
                token, ("@task", taskId)),
            cancellationToken);

    async Task<IReadOnlyList<TaskRecord>> ITaskStore.ResumableAsync(DateTimeOffset staleBefore, CancellationToken cancellationToken) =>
        await database.RunAsync(
            (connection, token) => database.QueryAsync(
                connection,
                $"SELECT {TaskColumns} FROM tasks WHERE state = @interrupted OR (state = @running AND updated_at < @stale) ORDER BY updated_at, id",
                ReadTask, token,
                ("@interrupted", nameof(TaskState.Interrupted)), ("@running", nameof(TaskState.Running)), ("@stale", Stored(staleBefore))),
            cancellationToken);

    private static TaskRecord ReadTask(DbDataReader r) => new()
    {
        Id = r.GetString(0),
        Repository = r.GetString(1),
        Mode = r.GetString(2),
        Title = r.GetString(3),
        State = Enum.Parse<TaskState>(r.GetString(4)),
        Checkpoint = r.GetString(5),
        CreatedAt = Time(r, 6),
        UpdatedAt = Time(r, 7),
        Owner = r.GetString(8),
    };

    // ---- audit log ----

    Task IAuditLog.AppendAsync(AuditEntry entry, CancellationToken cancellationToken) =>
        database.RunAsync(
            (connection, token) => database.ExecuteAsync(
                connection, null,
                "INSERT INTO audit_log (at_ms, repository, action, target, actor, task_id, outcome) VALUES (@at, @repository, @action, @target, @actor, @task, @outcome)",
                token,
                ("@at", Stored(entry.At)), ("@repository", entry.Repository), ("@action", entry.Action), ("@target", entry.Target),
                ("@actor", entry.Actor), ("@task", entry.TaskId), ("@outcome", entry.Outcome)),
            cancellationToken);

    async Task<IReadOnlyList<AuditEntry>> IAuditLog.QueryAsync(DateTimeOffset since, string? repository, string? taskId, int limit, CancellationToken cancellationToken)
    {
        var rows = await database.RunAsync(
            (connection, token) => database.QueryAsync(
                connection,
                """
                SELECT at_ms, repository, action, target, actor, task_id, outcome FROM audit_log
                WHERE at_ms >= @since AND (@repository = '' OR repository = @repository) AND (@task = '' OR task_id = @task)
                ORDER BY id DESC LIMIT @limit
                """,
                r => new AuditEntry { At = Time(r, 0), Repository = r.GetString(1), Action = r.GetString(2), Target = r.GetString(3), Actor = r.GetString(4), TaskId = r.GetString(5), Outcome = r.GetString(6) },
                token,
                ("@since", Stored(since)), ("@repository", repository ?? ""), ("@task", taskId ?? ""), ("@limit", (long)limit)),
            cancellationToken);
        rows.Reverse();
        return rows;
    }

    // ---- lessons ----

    Task ILessonStore.UpsertAsync(Lesson lesson, CancellationToken cancellationToken) =>
        database.RunAsync(
            (connection, token) => database.ExecuteAsync(
                connection, null,
                """
                INSERT INTO lessons (id, repository, lesson_key, lesson_text, category, confirmations, contradictions, created_at, last_confirmed_at, evidence)
                VALUES (@id, @repository, @key, @text, @category, @confirmations, @contradictions, @created, @confirmed, @evidence)
                ON CONFLICT (id) DO UPDATE SET repository = excluded.repository, lesson_key = excluded.lesson_key, lesson_text = excluded.lesson_text, category = excluded.category,
                    confirmations = excluded.confirmations, contradictions = excluded.contradictions, created_at = excluded.created_at,
                    last_confirmed_at = excluded.last_confirmed_at, evidence = excluded.evidence
                """,
                token,
                ("@id", lesson.Id), ("@repository", lesson.Repository), ("@key", lesson.Key), ("@text", lesson.Text), ("@category", lesson.Category),
                ("@confirmations", (long)lesson.Confirmations), ("@contradictions", (long)lesson.Contradictions),
                ("@created", Stored(lesson.CreatedAt)), ("@confirmed", Stored(lesson.LastConfirmedAt)),
                ("@evidence", JsonSerializer.Serialize(lesson.Evidence, Json))),
            cancellationToken);

    async Task<IReadOnlyList<Lesson>> ILessonStore.ListAsync(string repository, CancellationToken cancellationToken) =>
        await database.RunAsync(
            (connection, token) => database.QueryAsync(
                connection,
                "SELECT id, repository, lesson_text, category, confirmations, contradictions, created_at, last_confirmed_at, evidence, lesson_key FROM lessons WHERE repository = @repository ORDER BY id",
                r => new Lesson
                {
                    Id = r.GetString(0),
                    Repository = r.GetString(1),
                    Text = r.GetString(2),
                    Category = r.GetString(3),
                    Confirmations = (int)Long(r, 4),
                    Contradictions = (int)Long(r, 5),
                    CreatedAt = Time(r, 6),
                    LastConfirmedAt = Time(r, 7),
                    Evidence = ReadEvidence(r.GetString(8)),
                    Key = r.GetString(9),
                },
                token, ("@repository", repository)),
            cancellationToken);

    /// <summary>Evidence as stored; a row whose JSON cannot be read keeps its lesson, without evidence.</summary>
    private static List<LessonEvidence> ReadEvidence(string json)
    {
        try
        {
            return JsonSerializer.Deserialize<List<LessonEvidence>>(json, Json) ?? [];
        }
        catch (JsonException)
        {
            return [];
        }
    }

    // ---- feedback ----

    Task IFeedbackHistory.RecordAsync(IReadOnlyList<FeedbackEntry> entries, CancellationToken cancellationToken) =>
        entries.Count == 0
            ? Task.CompletedTask
            : database.RunAsync(
                async (connection, token) =>
                {
                    await using var transaction = await connection.BeginTransactionAsync(token);
                    foreach (var entry in entries)
                    {
                        await database.ExecuteAsync(
                            connection, transaction,
                            """
                            INSERT INTO feedback (repository, task_id, feedback_key, category, message, at_ms) VALUES (@repository, @task, @key, @category, @message, @at)
                            ON CONFLICT (repository, task_id, feedback_key) DO UPDATE SET category = excluded.category, message = excluded.message, at_ms = excluded.at_ms
                            """,
                            token,
                            ("@repository", entry.Repository), ("@task", entry.TaskId), ("@key", entry.Key), ("@category", entry.Category),
                            ("@message", entry.Message), ("@at", Stored(entry.At)));
                    }

                    await transaction.CommitAsync(token);
                },
                cancellationToken);

    async Task<IReadOnlyList<FeedbackPatternRow>> IFeedbackHistory.PatternsAsync(string repository, int minTasks, DateTimeOffset since, int limit, CancellationToken cancellationToken)
    {
        var rows = await database.RunAsync(
            (connection, token) => database.QueryAsync(
                connection,
                """
                SELECT f.feedback_key, f.category, f.message, g.tasks, g.last_seen
                FROM (SELECT feedback_key, COUNT(*) AS tasks, MAX(at_ms) AS last_seen FROM feedback
                      WHERE repository = @repository AND at_ms >= @since GROUP BY feedback_key HAVING COUNT(*) >= @min) g
                JOIN feedback f ON f.repository = @repository AND f.feedback_key = g.feedback_key AND f.at_ms = g.last_seen
                ORDER BY g.tasks DESC, g.last_seen DESC, f.feedback_key, f.task_id
                """,
                r => new FeedbackPatternRow(r.GetString(0), r.GetString(1), r.GetString(2), (int)Long(r, 3), Time(r, 4)),
                token,
                ("@repository", repository), ("@since", Stored(since)), ("@min", (long)minTasks)),
            cancellationToken);

        // Two tasks may share a key's newest time; keep one row per key.
        return rows.DistinctBy(p => p.Key).Take(limit).ToList();
    }

    // ---- runs ----

    Task IRunHistory.RecordAsync(RunRecord run, CancellationToken cancellationToken) =>
        database.RunAsync(
            (connection, token) => database.ExecuteAsync(
                connection, null,
                """
                INSERT INTO runs (run_id, task_id, repository, mode, outcome, failure, started_at, duration_ms, attempts, quality_score, input_tokens, output_tokens,
                    cost, context_ms, cache_hits, cache_lookups, model_ms, model_retries, retries_by_reason, lessons_used, model)
                VALUES (@run, @task, @repository, @mode, @outcome, @failure, @started, @duration, @attempts, @score, @input, @output,
                    @cost, @context, @hits, @lookups, @model_ms, @model_retries, @retries, @lessons, @model)
                ON CONFLICT (run_id) DO UPDATE SET task_id = excluded.task_id, repository = excluded.repository, mode = excluded.mode,
                    outcome = excluded.outcome, failure = excluded.failure, started_at = excluded.started_at, duration_ms = excluded.duration_ms, attempts = excluded.attempts,
                    quality_score = excluded.quality_score, input_tokens = excluded.input_tokens, output_tokens = excluded.output_tokens,
                    cost = excluded.cost, context_ms = excluded.context_ms, cache_hits = excluded.cache_hits, cache_lookups = excluded.cache_lookups,
                    model_ms = excluded.model_ms, model_retries = excluded.model_retries, retries_by_reason = excluded.retries_by_reason,
                    lessons_used = excluded.lessons_used, model = excluded.model
                """,
                token,
                ("@run", run.RunId), ("@task", run.TaskId), ("@repository", run.Repository), ("@mode", run.Mode), ("@outcome", run.Outcome), ("@failure", run.Failure),
                ("@started", Stored(run.StartedAt)), ("@duration", (long)run.Duration.TotalMilliseconds), ("@attempts", (long)run.Attempts),
                ("@score", run.QualityScore), ("@input", run.InputTokens), ("@output", run.OutputTokens), ("@cost", run.Cost),
                ("@context", (long)run.ContextTime.TotalMilliseconds), ("@hits", (long)run.CacheHits), ("@lookups", (long)run.CacheLookups),
                ("@model_ms", (long)run.ModelTime.TotalMilliseconds), ("@model_retries", (long)run.ModelRetries),
                ("@retries", JsonSerializer.Serialize(run.RetriesByReason, Json)), ("@lessons", (long)run.LessonsUsed), ("@model", run.Model)),
            cancellationToken);

    async Task<IReadOnlyList<RunRecord>> IRunHistory.ListAsync(DateTimeOffset since, string? repository, CancellationToken cancellationToken) =>
        await database.RunAsync(
            (connection, token) => database.QueryAsync(
                connection,
                """
                SELECT run_id, task_id, repository, mode, outcome, started_at, duration_ms, attempts, quality_score, input_tokens, output_tokens,
                    cost, context_ms, cache_hits, cache_lookups, model_ms, model_retries, retries_by_reason, lessons_used, model, failure
                FROM runs WHERE started_at >= @since AND (@repository = '' OR repository = @repository) ORDER BY started_at, run_id
                """,
                r => new RunRecord
                {
                    RunId = r.GetString(0),
                    TaskId = r.GetString(1),
                    Repository = r.GetString(2),
                    Mode = r.GetString(3),
                    Outcome = r.GetString(4),
                    StartedAt = Time(r, 5),
                    Duration = TimeSpan.FromMilliseconds(Long(r, 6)),
                    Attempts = (int)Long(r, 7),
                    QualityScore = NullableDouble(r, 8),
                    InputTokens = Long(r, 9),
                    OutputTokens = Long(r, 10),
                    Cost = NullableDouble(r, 11),
                    ContextTime = TimeSpan.FromMilliseconds(Long(r, 12)),
                    CacheHits = (int)Long(r, 13),
                    CacheLookups = (int)Long(r, 14),
                    ModelTime = TimeSpan.FromMilliseconds(Long(r, 15)),
                    ModelRetries = (int)Long(r, 16),
                    RetriesByReason = ReadRetries(r.GetString(17)),
                    LessonsUsed = (int)Long(r, 18),
                    Model = r.GetString(19),
                    Failure = r.GetString(20),
                },
                token,
                ("@since", Stored(since)), ("@repository", repository ?? "")),
            cancellationToken);

    private static Dictionary<string, int> ReadRetries(string json)
    {
        try
        {
            return JsonSerializer.Deserialize<Dictionary<string, int>>(json, Json) ?? [];
        }
        catch (JsonException)
        {
            return [];
        }
    }

    // ---- context cache: values as CacheCompression stores them; an unreadable value is a miss ----

    async Task<(byte[] Value, DateTimeOffset WrittenAt)?> IContextCacheStore.GetAsync(string key, CancellationToken cancellationToken)
    {
        var rows = await database.RunAsync(
            async (connection, token) =>
            {
                var found = await database.QueryAsync(connection, "SELECT cache_value, written_at FROM context_cache WHERE cache_key = @key", r => ((byte[])r.GetValue(0), Time(r, 1)), token, ("@key", key));
                if (found.Count > 0)
                {
                    await database.ExecuteAsync(connection, null, "UPDATE context_cache SET used_at = @now WHERE cache_key = @key", token, ("@now", Stored(time.GetUtcNow())), ("@key", key));
                }

                return found;
            },
            cancellationToken);
        if (rows.Count == 0 || CacheCompression.Decompress(rows[0].Item1) is not { } value)
        {
            return null;
        }

        return (value, rows[0].Item2);
    }

    Task IContextCacheStore.SetAsync(string key, byte[] value, DateTimeOffset writtenAt, CancellationToken cancellationToken) =>
        database.RunAsync(
            (connection, token) => database.ExecuteAsync(
                connection, null,
                """
                INSERT INTO context_cache (cache_key, cache_value, written_at, used_at) VALUES (@key, @value, @written, @written)
                ON CONFLICT (cache_key) DO UPDATE SET cache_value = excluded.cache_value, written_at = excluded.written_at, used_at = excluded.used_at
                """,
                token,
                ("@key", key), ("@value", CacheCompression.Compress(value)), ("@written", Stored(writtenAt))),
            cancellationToken);

    Task<int> IContextCacheStore.PruneAsync(DateTimeOffset unusedSince, CancellationToken cancellationToken) =>
        database.RunAsync(
            (connection, token) => database.ExecuteAsync(connection, null, "DELETE FROM context_cache WHERE used_at < @since", token, ("@since", Stored(unusedSince))),
            cancellationToken);
}
