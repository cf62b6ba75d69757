namespace CodegenBot.Core.Quality;

/// <summary>The score of one dimension against its threshold.</summary>
public sealed record DimensionScore(QualityDimension Dimension, double Score, double Threshold)
{
    /// <summary>Whether the score reaches the threshold.</summary>
    public bool Passed => Score >= Threshold;
}

/// <summary>What the assessor concluded about a change.</summary>
public sealed record QualityAssessment
{
    /// <summary>Every finding, most severe first.</summary>
    public required IReadOnlyList<Finding> Findings { get; init; }

    /// <summary>Scores of the dimensions that were measured; dimensions without an analyzer yet are absent.</summary>
    public required IReadOnlyList<DimensionScore> Scores { get; init; }

    /// <summary>Files analysed.</summary>
    public required IReadOnlyList<string> AnalyzedFiles { get; init; }

    /// <summary>Changed files no analyzer handles.</summary>
    public required IReadOnlyList<string> SkippedFiles { get; init; }

    /// <summary>Whether every measured dimension reached its threshold.</summary>
    public bool Passed => Scores.All(s => s.Passed);
}
