using CodegenBot.Core.Configuration;
using CodegenBot.Core.Resilience;

namespace CodegenBot.Core.Tests.Resilience;

public sealed class RetryDelaysTests
{
    private static readonly RetryPolicyOptions Base = new() { BaseDelay = TimeSpan.FromSeconds(1), MaxDelay = TimeSpan.FromSeconds(10), Jitter = false };

    [Theory]
    [InlineData(RetryStrategy.Exponential, new[] { 1.0, 2, 4, 8, 10 })]
    [InlineData(RetryStrategy.Adaptive, new[] { 1.0, 2, 4, 8, 10 })]
    [InlineData(RetryStrategy.Linear, new[] { 1.0, 2, 3, 4, 5 })]
    [InlineData(RetryStrategy.Fixed, new[] { 1.0, 1, 1, 1, 1 })]
    public void Compute_Strategy_GrowsAsDocumentedAndIsCapped(RetryStrategy strategy, double[] seconds)
    {
        var policy = Base with { Strategy = strategy };

        var delays = Enumerable.Range(0, seconds.Length).Select(n => RetryDelays.Compute(policy, n, null, () => 0.5).TotalSeconds);

        Assert.Equal(seconds, delays);
    }

    [Fact]
    public void Compute_RetryAfter_WinsButIsCappedByMaxDelay()
    {
        Assert.Equal(TimeSpan.FromSeconds(7), RetryDelays.Compute(Base, 0, TimeSpan.FromSeconds(7), () => 0.5));
        Assert.Equal(TimeSpan.FromSeconds(10), RetryDelays.Compute(Base, 0, TimeSpan.FromMinutes(5), () => 0.5));
    }

    [Theory]
    [InlineData(0.0, 0.75)]
    [InlineData(1.0, 1.25)]
    [InlineData(0.5, 1.0)]
    public void Compute_Jitter_SpreadsTheDelayByAQuarter(double random, double expectedSeconds)
    {
        var delay = RetryDelays.Compute(Base with { Jitter = true, Strategy = RetryStrategy.Fixed }, 0, null, () => random);

        Assert.Equal(expectedSeconds, delay.TotalSeconds, precision: 6);
    }

    [Fact]
    public void Compute_Adaptive_GrowsWithTheFailureRateAndRespectsTheLatency()
    {
        var policy = new RetryPolicyOptions { Strategy = RetryStrategy.Adaptive, BaseDelay = TimeSpan.FromSeconds(1), MaxDelay = TimeSpan.FromMinutes(5), Jitter = false };

        Assert.Equal(TimeSpan.FromSeconds(2), RetryDelays.Compute(policy, 1, null, () => 0.5, new EndpointSignals(null, 0)));
        Assert.Equal(TimeSpan.FromSeconds(4), RetryDelays.Compute(policy, 1, null, () => 0.5, new EndpointSignals(null, 0.5)));
        Assert.Equal(TimeSpan.FromSeconds(20), RetryDelays.Compute(policy, 1, null, () => 0.5, new EndpointSignals(TimeSpan.FromSeconds(40), 0)));
        Assert.Equal(TimeSpan.FromSeconds(7), RetryDelays.Compute(policy, 1, TimeSpan.FromSeconds(7), () => 0.5, new EndpointSignals(TimeSpan.FromSeconds(40), 1)));
    }
}
