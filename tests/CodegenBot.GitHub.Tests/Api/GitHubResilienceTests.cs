using System.Net;
using CodegenBot.Core.Configuration;
using CodegenBot.GitHub.Api;
using Microsoft.Extensions.Time.Testing;
using Polly;

namespace CodegenBot.GitHub.Tests.Api;

public sealed class GitHubResilienceTests
{
    private static readonly GitHubApiOptions Options = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 24, 12, 0, 0, TimeSpan.Zero));

    [Theory]
    [InlineData(HttpStatusCode.BadGateway, true)]
    [InlineData(HttpStatusCode.ServiceUnavailable, true)]
    [InlineData(HttpStatusCode.NotFound, false)]
    [InlineData(HttpStatusCode.Forbidden, false)]
    [InlineData(HttpStatusCode.UnprocessableEntity, false)]
    public void ShouldRetry_ByStatus(HttpStatusCode status, bool expected)
    {
        using var response = new HttpResponseMessage(status);

        Assert.Equal(expected, GitHubResilience.ShouldRetry(Outcome.FromResult(response), Options, _time));
    }

    [Fact]
    public void SecondaryRateLimit_WaitsWhatRetryAfterSays()
    {
        using var response = new HttpResponseMessage(HttpStatusCode.Forbidden);
        response.Headers.Add("Retry-After", "5");

        Assert.True(GitHubResilience.IsRateLimit(response));
        Assert.True(GitHubResilience.ShouldRetry(Outcome.FromResult(response), Options, _time));
        Assert.Equal(TimeSpan.FromSeconds(5), GitHubResilience.RequestedWait(response, _time));
    }

    [Fact]
    public void PrimaryRateLimit_WaitsUntilTheResetTime()
    {
        using var response = new HttpResponseMessage(HttpStatusCode.Forbidden);
        response.Headers.Add("x-ratelimit-remaining", "0");
        response.Headers.Add("x-ratelimit-reset", (_time.GetUtcNow() + TimeSpan.FromSeconds(30)).ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture));

        Assert.True(GitHubResilience.ShouldRetry(Outcome.FromResult(response), Options, _time));
        Assert.Equal(TimeSpan.FromSeconds(31), GitHubResilience.RequestedWait(response, _time));
    }

    [Fact]
    public void TooManyRequestsWithoutAWait_WaitsAMinute()
    {
        using var response = new HttpResponseMessage(HttpStatusCode.TooManyRequests);

        Assert.Equal(TimeSpan.FromMinutes(1), GitHubResilience.RequestedWait(response, _time));
    }

    [Fact]
    public void AWaitLongerThanTheLimit_IsNotWaitedFor()
    {
        using var response = new HttpResponseMessage(HttpStatusCode.Forbidden);
        response.Headers.Add("Retry-After", "3600");

        Assert.False(GitHubResilience.ShouldRetry(Outcome.FromResult(response), Options with { MaxRetryWait = TimeSpan.FromMinutes(5) }, _time));
    }

    [Fact]
    public void TransportFailure_IsRetried() =>
        Assert.True(GitHubResilience.ShouldRetry(Outcome.FromException<HttpResponseMessage>(new HttpRequestException("reset")), Options, _time));

    [Fact]
    public void ServerErrorWithoutAWait_BacksOffExponentially()
    {
        using var response = new HttpResponseMessage(HttpStatusCode.BadGateway);

        Assert.Null(GitHubResilience.RequestedWait(response, _time));
    }
}
