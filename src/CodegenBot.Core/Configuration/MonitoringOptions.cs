namespace CodegenBot.Core.Configuration;

/// <summary>Logging and metrics.</summary>
public sealed record MonitoringOptions
{
    /// <summary>The least severe log level written.</summary>
    public LogVerbosity LogLevel { get; init; } = LogVerbosity.Information;

    /// <summary>Whether .NET metrics are recorded.</summary>
    public bool MetricsEnabled { get; init; } = true;

    /// <summary>An OTLP endpoint to export metrics and traces to; empty means none.</summary>
    public string OtlpEndpoint { get; init; } = "";
}

/// <summary>Log levels, as written in configuration.</summary>
public enum LogVerbosity
{
    /// <summary>Everything, prompts included.</summary>
    Trace,

    /// <summary>Diagnostics for developers.</summary>
    Debug,

    /// <summary>What the job is doing.</summary>
    Information,

    /// <summary>Only what may need attention.</summary>
    Warning,

    /// <summary>Only failures.</summary>
    Error,
}
