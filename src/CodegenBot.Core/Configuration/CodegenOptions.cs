namespace CodegenBot.Core.Configuration;

/// <summary>
/// The effective configuration of one run: shipped defaults, overridden by the repository's
/// <c>.github/codegen.yml</c>, then by environment variables, then by command-line options.
/// Every property maps to a snake_case YAML key (see <c>docs/configuration.md</c>).
/// </summary>
public sealed record CodegenOptions
{
    /// <summary>Which model to call and how.</summary>
    public ModelOptions Model { get; init; } = new();

    /// <summary>What the context engine gathers and how much of it fits in a prompt.</summary>
    public ContextOptions Context { get; init; } = new();

    /// <summary>The team's standards, preferred patterns and testing requirements.</summary>
    public TeamOptions Team { get; init; } = new();

    /// <summary>Quality dimensions, their weights and the thresholds a change must meet.</summary>
    public QualityOptions Quality { get; init; } = new();

    /// <summary>Retry behaviour per failure reason, and the circuit breaker.</summary>
    public RetryOptions Retry { get; init; } = new();

    /// <summary>How lessons from earlier runs are kept and brought into prompts.</summary>
    public LearningOptions Learning { get; init; } = new();

    /// <summary>Where tasks, the audit log, lessons and run history are kept.</summary>
    public StorageOptions Storage { get; init; } = new();

    /// <summary>Protected paths and who may trigger the bot.</summary>
    public SecurityOptions Security { get; init; } = new();

    /// <summary>Logging and metrics.</summary>
    public MonitoringOptions Monitoring { get; init; } = new();

    /// <summary>Branch names and commit identity.</summary>
    public GitOptions Git { get; init; } = new();

    /// <summary>Triggers and pull requests on GitHub.</summary>
    public GitHubOptions Github { get; init; } = new();

    /// <summary>Per-language settings, keyed by language id (csharp, python, ...).</summary>
    public IReadOnlyDictionary<string, LanguageOptions> Languages { get; init; } = new Dictionary<string, LanguageOptions>();
}
