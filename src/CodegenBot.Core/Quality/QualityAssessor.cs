using CodegenBot.Core.Configuration;

namespace CodegenBot.Core.Quality;

/// <summary>
/// Runs the language analyzers over the changed files and scores the dimensions they measure against
/// <c>quality.thresholds</c>. A dimension loses <see cref="PointsPerError"/> per error and
/// <see cref="PointsPerWarning"/> per warning, floored at 0.
/// </summary>
internal sealed class QualityAssessor(IEnumerable<ILanguageAnalyzer> analyzers, QualityOptions options)
{
    /// <summary>Points an error costs its dimension.</summary>
    public const double PointsPerError = 25;

    /// <summary>Points a warning costs its dimension.</summary>
    public const double PointsPerWarning = 5;

    public async Task<QualityAssessment> AssessAsync(string root, IReadOnlyList<string> changedPaths, CancellationToken cancellationToken)
    {
        var findings = new List<Finding>();
        var analyzed = new List<string>();
        var skipped = new List<string>();
        var measured = new HashSet<QualityDimension>();
        foreach (var path in changedPaths)
        {
            var full = Path.Combine(root, path);
            var analyzer = analyzers.FirstOrDefault(a => a.CanAnalyze(path));
            if (analyzer is null || !File.Exists(full))
            {
                skipped.Add(path);
                continue;
            }

            analyzed.Add(path);
            measured.Add(QualityDimension.Correctness);
            findings.AddRange(await analyzer.AnalyzeAsync(path, await File.ReadAllTextAsync(full, cancellationToken), cancellationToken));
        }

        var scores = measured.Order().Select(d => new DimensionScore(d, Score(findings, d), Threshold(d))).ToList();
        return new QualityAssessment
        {
            Findings = findings.OrderByDescending(f => f.Severity).ThenBy(f => f.File, StringComparer.Ordinal).ThenBy(f => f.Line).ToList(),
            Scores = scores,
            AnalyzedFiles = analyzed,
            SkippedFiles = skipped,
        };
    }

    private static double Score(List<Finding> findings, QualityDimension dimension)
    {
        var inDimension = findings.Where(f => f.Dimension == dimension).ToList();
        var lost = inDimension.Count(f => f.Severity == FindingSeverity.Error) * PointsPerError
            + inDimension.Count(f => f.Severity == FindingSeverity.Warning) * PointsPerWarning;
        return Math.Max(0, 100 - lost);
    }

    private double Threshold(QualityDimension dimension) => dimension switch
    {
        QualityDimension.Readability => options.Thresholds.Readability,
        QualityDimension.Maintainability => options.Thresholds.Maintainability,
        QualityDimension.Correctness => options.Thresholds.Correctness,
        QualityDimension.Performance => options.Thresholds.Performance,
        QualityDimension.Security => options.Thresholds.Security,
        QualityDimension.Documentation => options.Thresholds.Documentation,
        _ => options.Thresholds.Testing,
    };
}
