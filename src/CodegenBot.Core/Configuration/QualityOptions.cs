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
