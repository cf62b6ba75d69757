using System.ComponentModel.DataAnnotations;

namespace CodegenBot.Core.Configuration;

/// <summary>Quality dimensions: how each weighs in the overall score and the score it must reach.</summary>
public sealed record QualityOptions
{
    /// <summary>The overall weighted score (0-100) a change must reach.</summary>
    [Range(0, 100)]
    public int OverallThreshold { get; init; } = 70;

    /// <summary>Weight of each dimension in the overall score; normalised, so they need not add to 1.</summary>
    public QualityDimensionValues Weights { get; init; } = new()
    {
        Readability = 0.15, Maintainability = 0.15, Correctness = 0.25, Performance = 0.10,
        Security = 0.15, Documentation = 0.10, Testing = 0.10,
    };

    /// <summary>The score (0-100) each dimension must reach.</summary>
    public QualityDimensionValues Thresholds { get; init; } = new()
    {
        Readability = 60, Maintainability = 60, Correctness = 100, Performance = 60,
        Security = 80, Documentation = 40, Testing = 40,
    };

    /// <summary>Running the repository's own build, tests and linters on every change that passes assessment.</summary>
    public ValidationOptions Validation { get; init; } = new();
}

/// <summary>How the repository's own commands are run.</summary>
public sealed record ValidationOptions
{
    /// <summary>Whether to run them at all.</summary>
    public bool Enabled { get; init; } = true;

    /// <summary>The commands; empty means detected from the repository's files (dotnet, npm, pytest, go, Maven, Gradle).</summary>
    public IReadOnlyList<ValidationCommandOptions> Commands { get; init; } = [];

    /// <summary>How long one command may run before its process tree is killed.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>Characters of output kept per command (head and tail).</summary>
    [Range(1_000, 10_000_000)]
    public int OutputCap { get; init; } = 20_000;

    /// <summary>Run the commands on the base commit first, so only failures the change introduces count.</summary>
    public bool Baseline { get; init; } = true;
}

/// <summary>A validation command given in configuration.</summary>
public sealed record ValidationCommandOptions
{
    /// <summary>A short name for the report.</summary>
    public string Name { get; init; } = "";

    /// <summary>build, test or lint.</summary>
    public Quality.Validation.ValidationKind Kind { get; init; } = Quality.Validation.ValidationKind.Test;

    /// <summary>The program and its arguments, as a list (no shell).</summary>
    public IReadOnlyList<string> Run { get; init; } = [];

    /// <summary>Machine-readable results it writes: none, trx, junit or go-json.</summary>
    public Quality.Validation.ResultFormat Results { get; init; } = Quality.Validation.ResultFormat.None;

    /// <summary>Where (relative to the repository) those results are written.</summary>
    public string ResultsPath { get; init; } = "";
}

/// <summary>One number per quality dimension.</summary>
public sealed record QualityDimensionValues
{
    /// <summary>Naming, formatting, clarity.</summary>
    [Range(0.0, 100.0)]
    public double Readability { get; init; }

    /// <summary>Complexity, size, coupling.</summary>
    [Range(0.0, 100.0)]
    public double Maintainability { get; init; }

    /// <summary>Compiles, parses, handles errors.</summary>
    [Range(0.0, 100.0)]
    public double Correctness { get; init; }

    /// <summary>Known performance anti-patterns.</summary>
    [Range(0.0, 100.0)]
    public double Performance { get; init; }

    /// <summary>Known vulnerability patterns and secrets.</summary>
    [Range(0.0, 100.0)]
    public double Security { get; init; }

    /// <summary>Doc comments on public API.</summary>
    [Range(0.0, 100.0)]
    public double Documentation { get; init; }

    /// <summary>Tests for changed code.</summary>
    [Range(0.0, 100.0)]
    public double Testing { get; init; }
}
