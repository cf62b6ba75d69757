using CodegenBot.Core.Quality.Analysis;

namespace CodegenBot.Core.Quality;

/// <summary>The score of one dimension against its threshold.</summary>
public sealed record DimensionScore(QualityDimension Dimension, double Score, double Threshold)
{
    /// <summary>Whether the score reaches the threshold.</summary>
    public bool Passed => Score >= Threshold;
}

/// <summary>The scores of one file, for hotspots and the per-file table.</summary>
public sealed record FileScore(string Path, string Language, int CodeLines, double Overall, IReadOnlyList<DimensionScore> Scores);

/// <summary>What the assessor concluded about a change.</summary>
public sealed record QualityAssessment
{
    /// <summary>Every finding the change is answerable for, most severe first.</summary>
    public required IReadOnlyList<Finding> Findings { get; init; }

    /// <summary>Findings that were already in the base version of the files: shown, never scored.</summary>
    public IReadOnlyList<Finding> PreexistingFindings { get; init; } = [];

    /// <summary>Scores of the seven dimensions, in dimension order; empty when no file could be analysed.</summary>
    public required IReadOnlyList<DimensionScore> Scores { get; init; }

    /// <summary>The weighted overall score (0-100).</summary>
    public double Overall { get; init; } = 100;

    /// <summary>The overall score a change must reach.</summary>
    public double OverallThreshold { get; init; }

    /// <summary>Files analysed.</summary>
    public required IReadOnlyList<string> AnalyzedFiles { get; init; }

    /// <summary>Changed files no analyzer handles.</summary>
    public required IReadOnlyList<string> SkippedFiles { get; init; }

    /// <summary>Per-file analyses (metrics, API), in path order.</summary>
    public IReadOnlyList<FileAnalysis> Files { get; init; } = [];

    /// <summary>Per-file scores, in path order.</summary>
    public IReadOnlyList<FileScore> FileScores { get; init; } = [];

    /// <summary>Whether every dimension and the overall score reached their thresholds.</summary>
    public bool Passed => Scores.All(s => s.Passed) && Overall >= OverallThreshold;
}
