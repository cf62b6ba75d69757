namespace CodegenBot.Storage.Sql;

/// <summary>One schema change: applied once, in version order, in a transaction of its own.</summary>
/// <param name="Version">Its number; versions are consecutive from 1.</param>
/// <param name="Name">What it does.</param>
/// <param name="Statements">Its statements, with <see cref="SqlTypes"/> tokens for the types that differ between dialects.</param>
internal sealed record Migration(int Version, string Name, IReadOnlyList<string> Statements);

/// <summary>
/// The schema, as the list of every change ever made to it. Never edit a shipped migration: add the next one.
/// Times are Unix milliseconds; JSON columns hold what has no query need (lesson evidence, retries by reason).
/// </summary>
internal static class Migrations
{
    public static readonly IReadOnlyList<Migration> All =
    [
        new(1, "tasks, attempts, audit log, lessons, feedback, runs, context cache",
        [
            """
            CREATE TABLE tasks (
                id TEXT PRIMARY KEY, repository TEXT NOT NULL, mode TEXT NOT NULL, title TEXT NOT NULL,
                state TEXT NOT NULL, owner TEXT NOT NULL, checkpoint TEXT NOT NULL, created_at {INTEGER} NOT NULL, updated_at {INTEGER} NOT NULL)
            """,
            "CREATE INDEX ix_tasks_state ON tasks (state, updated_at)",
            """
            CREATE TABLE task_transitions (
                id {IDENTITY}, task_id TEXT NOT NULL, from_state TEXT NOT NULL, to_state TEXT NOT NULL,
                at_ms {INTEGER} NOT NULL, reason TEXT NOT NULL)
            """,
            "CREATE INDEX ix_task_transitions_task ON task_transitions (task_id, id)",
            """
            CREATE TABLE attempts (
                task_id TEXT NOT NULL, run_id TEXT NOT NULL, number {INTEGER} NOT NULL, failure TEXT NOT NULL,
                summary TEXT NOT NULL, quality_score {REAL}, input_tokens {INTEGER} NOT NULL,
                output_tokens {INTEGER} NOT NULL, cost {REAL}, duration_ms {INTEGER} NOT NULL, at_ms {INTEGER} NOT NULL,
                PRIMARY KEY (task_id, run_id, number))
            """,
            """
            CREATE TABLE audit_log (
                id {IDENTITY}, at_ms {INTEGER} NOT NULL, repository TEXT NOT NULL, action TEXT NOT NULL,
                target TEXT NOT NULL, actor TEXT NOT NULL, task_id TEXT NOT NULL, outcome TEXT NOT NULL)
            """,
            "CREATE INDEX ix_audit_log_at ON audit_log (at_ms)",
            """
            CREATE TABLE lessons (
                id TEXT PRIMARY KEY, repository TEXT NOT NULL, lesson_key TEXT NOT NULL, lesson_text TEXT NOT NULL, category TEXT NOT NULL,
                confirmations {INTEGER} NOT NULL, contradictions {INTEGER} NOT NULL, created_at {INTEGER} NOT NULL,
                last_confirmed_at {INTEGER} NOT NULL, evidence TEXT NOT NULL)
            """,
            "CREATE INDEX ix_lessons_repository ON lessons (repository)",
            """
            CREATE TABLE feedback (
                repository TEXT NOT NULL, task_id TEXT NOT NULL, feedback_key TEXT NOT NULL, category TEXT NOT NULL,
                message TEXT NOT NULL, at_ms {INTEGER} NOT NULL, PRIMARY KEY (repository, task_id, feedback_key))
            """,
            "CREATE INDEX ix_feedback_key ON feedback (repository, feedback_key)",
            """
            CREATE TABLE runs (
                run_id TEXT PRIMARY KEY, task_id TEXT NOT NULL, repository TEXT NOT NULL, mode TEXT NOT NULL,
                outcome TEXT NOT NULL, failure TEXT NOT NULL, started_at {INTEGER} NOT NULL, duration_ms {INTEGER} NOT NULL,
                attempts {INTEGER} NOT NULL, quality_score {REAL}, input_tokens {INTEGER} NOT NULL,
                output_tokens {INTEGER} NOT NULL, cost {REAL}, context_ms {INTEGER} NOT NULL,
                cache_hits {INTEGER} NOT NULL, cache_lookups {INTEGER} NOT NULL, model_ms {INTEGER} NOT NULL,
                model_retries {INTEGER} NOT NULL, retries_by_reason TEXT NOT NULL, lessons_used {INTEGER} NOT NULL,
                model TEXT NOT NULL)
            """,
            "CREATE INDEX ix_runs_started ON runs (started_at)",
            """
            CREATE TABLE context_cache (
                cache_key TEXT PRIMARY KEY, cache_value {BLOB} NOT NULL, written_at {INTEGER} NOT NULL,
                used_at {INTEGER} NOT NULL)
            """,
        ]),
    ];
}
