using CodegenBot.Core.Configuration;
using CodegenBot.Core.Generation;
using CodegenBot.Core.Resilience;
using CodegenBot.Testing;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Polly.CircuitBreaker;

namespace CodegenBot.Core.Tests.Resilience;

/// <summary>The endpoint's circuit, on a fake clock: opens after failures, fails fast, half-opens to probe.</summary>
public sealed class CircuitBreakerTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 24, 8, 0, 0, TimeSpan.Zero));
    private FakeModelServer _server = null!;

    public async ValueTask InitializeAsync() => _server = await FakeModelServer.StartAsync(TestContext.Current.CancellationToken);

    public async ValueTask DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Circuit_OpensFailsFastAndHalfOpens_SharedByEveryClientOfTheEndpoint()
    {
        var cancel = TestContext.Current.CancellationToken;
        _server.Enqueue(FakeResponse.Status(500));
        _server.Enqueue(FakeResponse.Status(503));

        await Assert.ThrowsAnyAsync<Exception>(() => Client().GetResponseAsync("1", cancellationToken: cancel));
        await Assert.ThrowsAnyAsync<Exception>(() => Client().GetResponseAsync("2", cancellationToken: cancel));

        // Open: a new client of the same endpoint (another run) fails at once, without a request.
        await Assert.ThrowsAsync<BrokenCircuitException>(() => Client().GetResponseAsync("3", cancellationToken: cancel));
        Assert.Equal(2, _server.Requests.Count);
        Assert.True(ModelFailures.IsModelFailure(new BrokenCircuitException()));

        // After the break, one probe goes through; it succeeds and the circuit closes.
        _time.Advance(TimeSpan.FromSeconds(31));
        _server.Enqueue(FakeResponse.Text("back"));
        _server.Enqueue(FakeResponse.Text("still here"));
        Assert.Equal("back", (await Client().GetResponseAsync("4", cancellationToken: cancel)).Text);
        Assert.Equal("still here", (await Client().GetResponseAsync("5", cancellationToken: cancel)).Text);
        Assert.Equal(4, _server.Requests.Count);
    }

    private IChatClient Client()
    {
        var defaults = new CodegenOptions();
        static RetryPolicyOptions Once(RetryPolicyOptions p) => p with { MaxAttempts = 1 };
        var options = defaults with
        {
            Retry = defaults.Retry with
            {
                ApiError = Once(defaults.Retry.ApiError),
                RateLimit = Once(defaults.Retry.RateLimit),
                NetworkError = Once(defaults.Retry.NetworkError),
                Timeout = Once(defaults.Retry.Timeout),
                CircuitBreaker = defaults.Retry.CircuitBreaker with { MinimumThroughput = 2, FailureRatio = 0.5, BreakDuration = TimeSpan.FromSeconds(30) },
            },
        };
        return new ChatClientFactory(_time, NullLoggerFactory.Instance, () => 0.5).Create(
            new ModelSelection(ModelProvider.OpenaiCompatible, _server.BaseUrl, "m", null), options, new Dictionary<string, string?>(), new RetryStatistics());
    }
}
