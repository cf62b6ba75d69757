using System.Collections;

namespace CodegenBot.Cli;

/// <summary>
/// What the CLI reads from and writes to, passed explicitly so tests can run it in-process with their own
/// environment and captured output.
/// </summary>
internal sealed record CliContext
{
    public required TextWriter Out { get; init; }

    public required TextWriter Error { get; init; }

    public required IReadOnlyDictionary<string, string?> Environment { get; init; }

    public required string CurrentDirectory { get; init; }

    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>Whether a person watches stderr (progress is shown only then).</summary>
    public bool IsInteractive { get; init; }

    /// <summary>Whether the CLI owns its process (false when tests run it inside theirs): the process's start is then its own.</summary>
    public bool OwnsProcess { get; init; }

    /// <summary>Random numbers for retry jitter; tests make it deterministic.</summary>
    public Func<double> Random { get; init; } = System.Random.Shared.NextDouble;

    public static CliContext FromProcess() => new()
    {
        Out = Console.Out,
        Error = Console.Error,
        Environment = System.Environment.GetEnvironmentVariables().Cast<DictionaryEntry>()
            .ToDictionary(e => (string)e.Key, e => (string?)e.Value, StringComparer.Ordinal),
        CurrentDirectory = Directory.GetCurrentDirectory(),
        IsInteractive = !Console.IsErrorRedirected,
        OwnsProcess = true,
    };
}
