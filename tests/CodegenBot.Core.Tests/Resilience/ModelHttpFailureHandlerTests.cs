using CodegenBot.Core.Resilience;
using Microsoft.Extensions.Time.Testing;

namespace CodegenBot.Core.Tests.Resilience;

public sealed class ModelHttpFailureHandlerTests
{
    private static readonly FakeTimeProvider Time = new(new DateTimeOffset(2026, 11, 24, 12, 0, 0, TimeSpan.Zero));

    [Theory]
    [InlineData("20", 20_000)]
    [InlineData("1.5", 1_500)]
    [InlineData("6m0s", 360_000)]
    [InlineData("1h2m3s", 3_723_000)]
    [InlineData("250ms", 250)]
    [InlineData("0.5s", 500)]
    [InlineData("Tue, 24 Nov 2026 12:00:30 GMT", 30_000)]
    [InlineData("2026-11-24T12:01:00Z", 60_000)]
    [InlineData("2026-11-24T11:00:00Z", 0)]
    public void ParseWait_ReadsSecondsDurationsAndDates(string value, double milliseconds) =>
        Assert.Equal(TimeSpan.FromMilliseconds(milliseconds), ModelHttpFailureHandler.ParseWait(value, Time));

    [Theory]
    [InlineData("1e20")]
    [InlineData("99999999999h")]
    public void ParseWait_Huge_IsCappedAtADay(string value) => Assert.Equal(ModelHttpFailureHandler.MaxWait, ModelHttpFailureHandler.ParseWait(value, Time));

    [Theory]
    [InlineData("NaN")]
    [InlineData("soon")]
    [InlineData("")]
    public void ParseWait_Garbage_IsNull(string value) => Assert.Null(ModelHttpFailureHandler.ParseWait(value, Time));

    [Fact]
    public void RetryAfter_OfA429_PrefersRetryAfterThenTheLatestReset()
    {
        Assert.Equal(TimeSpan.FromSeconds(3), ModelFailures.RetryAfter(new ModelHttpException(429, TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(9)), Time));
        Assert.Equal(TimeSpan.FromSeconds(9), ModelFailures.RetryAfter(new ModelHttpException(429, null, TimeSpan.FromSeconds(9)), Time));
        Assert.Null(ModelFailures.RetryAfter(new ModelHttpException(500, null, TimeSpan.FromSeconds(9)), Time));
    }

    [Fact]
    public void Classify_LooksThroughTheSdksWrapping()
    {
        var wrapped = new InvalidOperationException("sdk wrapper", new IOException("io", new ModelHttpException(503, null, null)));

        Assert.Equal(RetryReason.ApiError, ModelFailures.Classify(wrapped));
        Assert.Equal(503, ModelFailures.StatusOf(wrapped));
        Assert.Equal("the model endpoint answered 503 ServiceUnavailable", ModelFailures.Describe(wrapped));
    }
}
