using System.Collections.Concurrent;

namespace CodegenBot.Core.Resilience;

/// <summary>Counts the retries of a run by reason, with the time spent waiting, for the report.</summary>
public sealed class RetryStatistics
{
    private readonly ConcurrentDictionary<RetryReason, (int Count, TimeSpan Waited)> _retries = new();

    /// <summary>Records one retry and the delay before it.</summary>
    public void Record(RetryReason reason, TimeSpan delay)
    {
        _retries.AddOrUpdate(reason, (1, delay), (_, current) => (current.Count + 1, current.Waited + delay));
        Telemetry.CodegenMetrics.RecordRetry(reason, delay);
    }

    /// <summary>Retries so far, by reason.</summary>
    public IReadOnlyDictionary<RetryReason, (int Count, TimeSpan Waited)> Snapshot() =>
        _retries.OrderBy(p => p.Key).ToDictionary(p => p.Key, p => p.Value);
}
