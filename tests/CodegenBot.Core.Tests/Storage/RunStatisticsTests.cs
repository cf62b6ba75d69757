using CodegenBot.Core.Storage;

namespace CodegenBot.Core.Tests.Storage;

public sealed class RunStatisticsTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 20, 10, 0, 0, TimeSpan.Zero);

    private static RunRecord Run(string outcome, int attempts, double? quality, int lessons = 0, int day = 0, int seconds = 10) => new()
    {
        RunId = Guid.NewGuid().ToString(), TaskId = "t", Repository = "r", Mode = "feature", Outcome = outcome, StartedAt = T0.AddDays(day),
        Duration = TimeSpan.FromSeconds(seconds), Attempts = attempts, QualityScore = quality, CacheHits = 3, CacheLookups = 4,
        RetriesByReason = attempts > 1 ? new Dictionary<string, int> { ["validation_failed"] = attempts - 1 } : new Dictionary<string, int>(),
        LessonsUsed = lessons,
    };

    [Fact]
    public void Of_NoRuns_IsEmptyWithoutRates()
    {
        var statistics = RunStatistics.Of([]);

        Assert.Equal(0, statistics.Runs);
        Assert.Null(statistics.SuccessRate);
        Assert.Null(statistics.LearningEffectiveness);
    }

    [Fact]
    public void Of_Runs_ComputesRatesPercentilesBucketsAndRetries()
    {
        var statistics = RunStatistics.Of([
            Run("succeeded", 1, 100, seconds: 5), Run("succeeded", 2, 90, seconds: 20), Run("gave_up", 3, 49.9, seconds: 60) with { Failure = "quality_threshold" },
            Run("succeeded", 1, 75, day: 1, seconds: 8), Run("failed", 1, null, day: 1, seconds: 1) with { Failure = "api_error" },
        ]);

        Assert.Equal((5, 3), (statistics.Runs, statistics.Succeeded));
        Assert.Equal(0.6, statistics.SuccessRate);
        Assert.Equal(1.6, statistics.MeanAttempts, 10);
        Assert.Equal(TimeSpan.FromSeconds(8), statistics.MedianDuration);
        Assert.Equal(TimeSpan.FromSeconds(60), statistics.P90Duration);
        Assert.Equal([("<50", 1), ("70-79", 1), ("90-100", 2)], statistics.QualityDistribution);
        Assert.Equal([("validation_failed", 3)], statistics.RetriesByReason);
        Assert.Equal([("api_error", 1), ("quality_threshold", 1)], statistics.GaveUpByReason);
        Assert.Equal(0.75, statistics.CacheHitRate);
        Assert.Equal([new DailyRuns(new DateOnly(2026, 11, 20), 3, 2, (100 + 90 + 49.9) / 3), new DailyRuns(new DateOnly(2026, 11, 21), 2, 1, 75)], statistics.Days);
    }

    [Fact]
    public void LearningEffectiveness_ComparesAttemptsToSuccessWithAndWithoutLessons()
    {
        var statistics = RunStatistics.Of([
            Run("succeeded", 3, 80), Run("succeeded", 2, 80), Run("succeeded", 1, 80, lessons: 2), Run("succeeded", 2, 80, lessons: 1),
            Run("gave_up", 4, 40, lessons: 1),
        ]);

        Assert.Equal(1.5, statistics.AttemptsToSuccessWithLessons);
        Assert.Equal(2.5, statistics.AttemptsToSuccessWithoutLessons);
        Assert.Equal(0.4, statistics.LearningEffectiveness!.Value, 10);
    }
}
