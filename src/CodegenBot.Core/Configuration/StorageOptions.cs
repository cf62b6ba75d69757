using System.ComponentModel.DataAnnotations;

namespace CodegenBot.Core.Configuration;

/// <summary>Where the bot keeps its state: tasks, audit log, lessons, feedback and run history.</summary>
public sealed record StorageOptions
{
    /// <summary>Whether state is kept at all; off, nothing is recorded and nothing is learnt.</summary>
    public bool Enabled { get; init; } = true;

    /// <summary>auto (PostgreSQL when the connection string variable holds one, else SQLite), sqlite or postgresql.</summary>
    public StorageProvider Provider { get; init; } = StorageProvider.Auto;

    /// <summary>The SQLite file; empty means <c>$XDG_STATE_HOME/codegenbot/codegen.db</c> (else <c>~/.local/state/codegenbot/codegen.db</c>).</summary>
    public string SqlitePath { get; init; } = "";

    /// <summary>The environment variable holding the PostgreSQL connection string (never put the string itself in a file).</summary>
    [Required]
    [RegularExpression("^[A-Za-z_][A-Za-z0-9_]*$", ErrorMessage = "must be an environment variable name")]
    public string PostgresConnectionStringEnv { get; init; } = "CODEGEN_POSTGRES_CONNECTION_STRING";

    /// <summary>Retries of an operation that failed on a transient fault (connection lost, server restarting).</summary>
    [Range(0, 10)]
    public int MaxRetries { get; init; } = 3;

    /// <summary>Time one operation may take before it counts as failed.</summary>
    public TimeSpan CommandTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>How long the audit log, feedback, run history and finished tasks are kept; 0 keeps them forever. Lessons are never pruned (they fade by confidence).</summary>
    public TimeSpan Retention { get; init; } = TimeSpan.FromDays(365);

    /// <summary>A running task not heard of for this long is resumable (its process is gone).</summary>
    public TimeSpan StaleAfter { get; init; } = TimeSpan.FromMinutes(30);
}

/// <summary>Which database keeps the state.</summary>
public enum StorageProvider
{
    /// <summary>PostgreSQL when its connection string variable is set, else SQLite.</summary>
    Auto,

    /// <summary>An SQLite file (embedded, nothing to install).</summary>
    Sqlite,

    /// <summary>A PostgreSQL server (shared by a team or the webhook app).</summary>
    Postgresql,
}
