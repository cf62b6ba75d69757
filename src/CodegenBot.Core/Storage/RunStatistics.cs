namespace CodegenBot.Core.Storage;

/// <summary>One day of runs.</summary>
/// <param name="Day">The day (UTC).</param>
/// <param name="Runs">Runs started that day.</param>
/// <param name="Succeeded">Of which passed the checks.</param>
/// <param name="MeanQuality">Mean final quality score, when any run was assessed.</param>
public sealed record DailyRuns(DateOnly Day, int Runs, int Succeeded, double? MeanQuality);

/// <summary>
/// What the run history says: success rate, attempts, durations, quality distribution, retries by reason, context
/// and cache figures, model time, tokens, cost and learning effectiveness, overall and per day. Computed from
/// <see cref="RunRecord"/>s (the store's history), so <c>codegen stats</c> and the webhook app agree.
/// </summary>
public sealed record RunStatistics
{
    /// <summary>Width of the quality distribution's buckets (0-50 is one bucket, then every 10 points).</summary>
    public const int QualityBucket = 10;

    /// <summary>Runs counted.</summary>
    public int Runs { get; init; }

    /// <summary>Runs that passed the checks.</summary>
    public int Succeeded { get; init; }

    /// <summary>Succeeded / runs, or null without runs.</summary>
    public double? SuccessRate => Runs == 0 ? null : (double)Succeeded / Runs;

    /// <summary>Mean attempts per run.</summary>
    public double MeanAttempts { get; init; }

    /// <summary>Median run duration.</summary>
    public TimeSpan MedianDuration { get; init; }

    /// <summary>90th percentile run duration.</summary>
    public TimeSpan P90Duration { get; init; }

    /// <summary>Final quality scores by bucket ("&lt;50", "50-59", ... "90-100") → runs.</summary>
    public IReadOnlyList<(string Bucket, int Runs)> QualityDistribution { get; init; } = [];

    /// <summary>Attempts retried, by reason.</summary>
    public IReadOnlyList<(string Reason, int Count)> RetriesByReason { get; init; } = [];

    /// <summary>Runs that gave up, by the reason their last attempt failed (model errors show here as api_error, rate_limit, network_error, timeout).</summary>
    public IReadOnlyList<(string Reason, int Count)> GaveUpByReason { get; init; } = [];

    /// <summary>Mean context-gathering time.</summary>
    public TimeSpan MeanContextTime { get; init; }

    /// <summary>Per-file analyses served from the cache, over all lookups; null without lookups.</summary>
    public double? CacheHitRate { get; init; }

    /// <summary>Mean time waiting for the model per run.</summary>
    public TimeSpan MeanModelTime { get; init; }

    /// <summary>Model calls retried (rate limits, 5xx, timeouts).</summary>
    public int ModelRetries { get; init; }

    /// <summary>Tokens sent and received.</summary>
    public long Tokens { get; init; }

    /// <summary>Cost of priced runs in USD.</summary>
    public double Cost { get; init; }

    /// <summary>Mean attempts of successful runs whose prompt carried lessons; null without such runs.</summary>
    public double? AttemptsToSuccessWithLessons { get; init; }

    /// <summary>Mean attempts of successful runs whose prompt carried none; null without such runs.</summary>
    public double? AttemptsToSuccessWithoutLessons { get; init; }

    /// <summary>
    /// Learning effectiveness: 1 − (attempts to success with lessons ÷ attempts to success without). 0.25 means
    /// runs with lessons needed a quarter fewer attempts; negative means lessons cost attempts. Null until both
    /// kinds of run exist.
    /// </summary>
    public double? LearningEffectiveness => AttemptsToSuccessWithLessons is { } with && AttemptsToSuccessWithoutLessons is { } without && without > 0
        ? 1 - (with / without)
        : null;

    /// <summary>Runs per day, oldest first.</summary>
    public IReadOnlyList<DailyRuns> Days { get; init; } = [];

    /// <summary>The statistics of <paramref name="runs"/>.</summary>
    public static RunStatistics Of(IReadOnlyList<RunRecord> runs)
    {
        ArgumentNullException.ThrowIfNull(runs);
        if (runs.Count == 0)
        {
            return new RunStatistics();
        }

        var durations = runs.Select(r => r.Duration).Order().ToList();
        var succeeded = runs.Where(r => r.Outcome == "succeeded").ToList();
        var lookups = runs.Sum(r => (long)r.CacheLookups);
        return new RunStatistics
        {
            Runs = runs.Count,
            Succeeded = succeeded.Count,
            MeanAttempts = runs.Average(r => r.Attempts),
            MedianDuration = Percentile(durations, 0.5),
            P90Duration = Percentile(durations, 0.9),
            QualityDistribution = runs.Where(r => r.QualityScore is not null)
                .GroupBy(r => Bucket(r.QualityScore!.Value))
                .OrderBy(g => g.Key)
                .Select(g => (BucketName(g.Key), g.Count()))
                .ToList(),
            RetriesByReason = runs.SelectMany(r => r.RetriesByReason)
                .GroupBy(p => p.Key, StringComparer.Ordinal)
                .Select(g => (g.Key, g.Sum(p => p.Value)))
                .OrderByDescending(p => p.Item2).ThenBy(p => p.Key, StringComparer.Ordinal)
                .ToList(),
            GaveUpByReason = runs.Where(r => r.Outcome != "succeeded" && r.Failure.Length > 0)
                .GroupBy(r => r.Failure, StringComparer.Ordinal)
                .Select(g => (g.Key, g.Count()))
                .OrderByDescending(p => p.Item2).ThenBy(p => p.Key, StringComparer.Ordinal)
                .ToList(),
            MeanContextTime = TimeSpan.FromMilliseconds(runs.Average(r => r.ContextTime.TotalMilliseconds)),
            CacheHitRate = lookups == 0 ? null : runs.Sum(r => (double)r.CacheHits) / lookups,
            MeanModelTime = TimeSpan.FromMilliseconds(runs.Average(r => r.ModelTime.TotalMilliseconds)),
            ModelRetries = runs.Sum(r => r.ModelRetries),
            Tokens = runs.Sum(r => r.InputTokens + r.OutputTokens),
            Cost = runs.Sum(r => r.Cost ?? 0),
            AttemptsToSuccessWithLessons = MeanOrNull(succeeded.Where(r => r.LessonsUsed > 0).Select(r => (double)r.Attempts)),
            AttemptsToSuccessWithoutLessons = MeanOrNull(succeeded.Where(r => r.LessonsUsed == 0).Select(r => (double)r.Attempts)),
            Days = runs.GroupBy(r => DateOnly.FromDateTime(r.StartedAt.UtcDateTime))
                .OrderBy(g => g.Key)
                .Select(g => new DailyRuns(g.Key, g.Count(), g.Count(r => r.Outcome == "succeeded"), MeanOrNull(g.Where(r => r.QualityScore is not null).Select(r => r.QualityScore!.Value))))
                .ToList(),
        };
    }

    /// <summary>The bucket's lower bound: 0 for scores under 50, else the score rounded down to <see cref="QualityBucket"/> (100 joins 90).</summary>
    private static int Bucket(double score) => score < 50 ? 0 : Math.Min(90, (int)(score / QualityBucket) * QualityBucket);

    private static string BucketName(int lower) => lower switch
    {
        0 => "<50",
        90 => "90-100",
        _ => $"{lower}-{lower + QualityBucket - 1}",
    };

    private static double? MeanOrNull(IEnumerable<double> values)
    {
        var list = values.ToList();
        return list.Count == 0 ? null : list.Average();
    }

    /// <summary>The nearest-rank percentile of sorted values.</summary>
    private static TimeSpan Percentile(List<TimeSpan> sorted, double p) => sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];
}
