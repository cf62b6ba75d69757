using CodegenBot.Core.Configuration;
using Microsoft.Extensions.AI;
using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;
using Polly.Timeout;

namespace CodegenBot.Core.Resilience;

/// <summary>
/// Wraps model calls in a Polly pipeline built from <c>retry:</c>: a retry strategy whose attempt limit and delay
/// depend on the reason of each failure (Retry-After and rate-limit resets honoured; adaptive delays from the
/// endpoint's health), the endpoint's circuit breaker shared by every run in the process, and a per-call timeout.
/// Streaming calls are retried only until their first update arrives.
/// </summary>
internal sealed class ResilientChatClient : DelegatingChatClient
{
    private readonly ResiliencePipeline _retry;
    private readonly ResiliencePipeline _timeout;
    private readonly EndpointState _endpoint;
    private readonly TimeProvider _time;

    public ResilientChatClient(IChatClient inner, RetryOptions retry, TimeSpan requestTimeout, TimeProvider time, Func<double> random, RetryStatistics statistics, Uri endpoint)
        : base(inner)
    {
        _time = time;
        _endpoint = EndpointState.For(endpoint, retry.CircuitBreaker, time);
        var reasons = Enum.GetValues<RetryReason>();
        var builder = new ResiliencePipelineBuilder { TimeProvider = time };
        builder.AddRetry(new RetryStrategyOptions
        {
            MaxRetryAttempts = reasons.Max(r => retry.PolicyFor(r).MaxAttempts) - 1,
            ShouldHandle = args => ValueTask.FromResult(
                args.Outcome.Exception is { } ex && ModelFailures.Classify(ex) is { } reason
                && args.AttemptNumber + 1 < retry.PolicyFor(reason).MaxAttempts),
            DelayGenerator = args =>
            {
                var exception = args.Outcome.Exception!;
                var reason = ModelFailures.Classify(exception)!.Value;
                var delay = RetryDelays.Compute(retry.PolicyFor(reason), args.AttemptNumber, ModelFailures.RetryAfter(exception, time), random, _endpoint.Signals());
                return ValueTask.FromResult<TimeSpan?>(delay);
            },
            OnRetry = args =>
            {
                statistics.Record(ModelFailures.Classify(args.Outcome.Exception!)!.Value, args.RetryDelay);
                return ValueTask.CompletedTask;
            },
        });

        _retry = builder.Build();
        _timeout = new ResiliencePipelineBuilder { TimeProvider = time }.AddTimeout(new TimeoutStrategyOptions { Timeout = requestTimeout }).Build();
    }

    /// <summary>One try: through the endpoint's shared circuit breaker, under the per-call timeout, recorded for the adaptive strategy.</summary>
    private async ValueTask<T> TryAsync<T>(Func<CancellationToken, ValueTask<T>> call, CancellationToken cancellationToken)
    {
        var start = _time.GetTimestamp();
        try
        {
            var result = await _endpoint.Breaker.ExecuteAsync(token => _timeout.ExecuteAsync(call, token), cancellationToken);
            _endpoint.Record(success: true, _time.GetElapsedTime(start));
            return result;
        }
        catch (Exception ex) when (ModelFailures.Classify(ex) is not null)
        {
            _endpoint.Record(success: false, _time.GetElapsedTime(start));
            throw;
        }
    }

    public override Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var list = messages as IList<ChatMessage> ?? messages.ToList();
        return _retry.ExecuteAsync(
            token => TryAsync(async t => await base.GetResponseAsync(list, options, t), token),
            cancellationToken).AsTask();
    }

    public override async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages,
        ChatOptions? options = null,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var list = messages as IList<ChatMessage> ?? messages.ToList();
        var (enumerator, first) = await _retry.ExecuteAsync(
            token => TryAsync(
                async t =>
                {
                    var e = base.GetStreamingResponseAsync(list, options, cancellationToken).GetAsyncEnumerator(t);
                    var hasFirst = await e.MoveNextAsync();
                    return (e, hasFirst ? e.Current : null);
                },
                token),
            cancellationToken);

        await using (enumerator)
        {
            if (first is null)
            {
                yield break;
            }

            yield return first;
            while (await enumerator.MoveNextAsync())
            {
                yield return enumerator.Current;
            }
        }
    }
}
