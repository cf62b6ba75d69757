using CodegenBot.Core.Configuration;

namespace CodegenBot.Core.Resilience;

/// <summary>The delay before retry number <c>n</c> (0-based) under a policy; feeds Polly's delay generator.</summary>
internal static class RetryDelays
{
    /// <summary>Jitter spreads each delay over ±25% of its value.</summary>
    private const double JitterSpread = 0.25;

    /// <summary>Adaptive delays grow by up to this factor as the endpoint's recent failure rate goes to 100%.</summary>
    public const double FailureRateFactor = 2;

    /// <summary>Adaptive delays are at least this share of the endpoint's typical call latency.</summary>
    public const double LatencyShare = 0.5;

    /// <summary>
    /// The delay: Retry-After when the server sent one (capped by max_delay); else by strategy — fixed, linear,
    /// exponential, or adaptive: exponential × (1 + <see cref="FailureRateFactor"/> × recent failure rate), and
    /// no less than <see cref="LatencyShare"/> of the endpoint's typical latency — then jitter and the cap.
    /// </summary>
    public static TimeSpan Compute(RetryPolicyOptions policy, int retry, TimeSpan? retryAfter, Func<double> random, EndpointSignals signals = default)
    {
        // A server that says when to come back is believed (capped by max_delay), whatever the strategy.
        if (retryAfter is { } serverDelay)
        {
            return Min(serverDelay, policy.MaxDelay);
        }

        var baseTicks = policy.BaseDelay.Ticks;
        var ticks = policy.Strategy switch
        {
            RetryStrategy.Fixed => baseTicks,
            RetryStrategy.Linear => baseTicks * (retry + 1),
            RetryStrategy.Adaptive => Math.Max(
                baseTicks * Math.Pow(2, Math.Min(retry, 30)) * (1 + (FailureRateFactor * signals.FailureRate)),
                (signals.Latency ?? TimeSpan.Zero).Ticks * LatencyShare),
            _ => baseTicks * Math.Pow(2, Math.Min(retry, 30)),
        };

        if (policy.Jitter)
        {
            ticks *= 1 + ((random() * 2) - 1) * JitterSpread;
        }

        return Min(TimeSpan.FromTicks((long)Math.Min(ticks, TimeSpan.MaxValue.Ticks / 2)), policy.MaxDelay);
    }

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;
}
