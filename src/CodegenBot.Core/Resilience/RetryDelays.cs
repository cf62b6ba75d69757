using CodegenBot.Core.Configuration;

namespace CodegenBot.Core.Resilience;

/// <summary>The delay before retry number <c>n</c> (0-based) under a policy; feeds Polly's delay generator.</summary>
internal static class RetryDelays
{
    /// <summary>Jitter spreads each delay over ±25% of its value.</summary>
    private const double JitterSpread = 0.25;

    public static TimeSpan Compute(RetryPolicyOptions policy, int retry, TimeSpan? retryAfter, Func<double> random)
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
