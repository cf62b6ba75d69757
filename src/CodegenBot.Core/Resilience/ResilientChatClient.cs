using CodegenBot.Core.Configuration;
using Microsoft.Extensions.AI;
using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;
using Polly.Timeout;

namespace CodegenBot.Core.Resilience;

/// <summary>
/// Wraps model calls in a Polly pipeline built from <c>retry:</c>: a retry strategy whose attempt limit and delay
/// depend on the reason of each failure (Retry-After honoured), a circuit breaker per endpoint, and a per-call
/// timeout. Streaming calls are retried only until their first update arrives.
/// </summary>
internal sealed class ResilientChatClient : DelegatingChatClient
{
    private readonly ResiliencePipeline _pipeline;

    public ResilientChatClient(IChatClient inner, RetryOptions retry, TimeSpan requestTimeout, TimeProvider time, Func<double> random, RetryStatistics statistics)
        : base(inner)
    {
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
                var delay = RetryDelays.Compute(retry.PolicyFor(reason), args.AttemptNumber, ModelFailures.RetryAfter(exception, time), random);
                return ValueTask.FromResult<TimeSpan?>(delay);
            },
            OnRetry = args =>
            {
                statistics.Record(ModelFailures.Classify(args.Outcome.Exception!)!.Value, args.RetryDelay);
                return ValueTask.CompletedTask;
            },
        });

        if (retry.CircuitBreaker.Enabled)
        {
            builder.AddCircuitBreaker(new CircuitBreakerStrategyOptions
            {
                FailureRatio = retry.CircuitBreaker.FailureRatio,
                MinimumThroughput = retry.CircuitBreaker.MinimumThroughput,
                SamplingDuration = retry.CircuitBreaker.SamplingDuration,
                BreakDuration = retry.CircuitBreaker.BreakDuration,
                ShouldHandle = args => ValueTask.FromResult(args.Outcome.Exception is { } ex && ModelFailures.Classify(ex) is not null),
            });
        }

        builder.AddTimeout(new TimeoutStrategyOptions { Timeout = requestTimeout });
        _pipeline = builder.Build();
    }

    public override Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var list = messages as IList<ChatMessage> ?? messages.ToList();
        return _pipeline.ExecuteAsync(
            async token => await base.GetResponseAsync(list, options, token),
            cancellationToken).AsTask();
    }

    public override async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages,
        ChatOptions? options = null,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var list = messages as IList<ChatMessage> ?? messages.ToList();
        var (enumerator, first) = await _pipeline.ExecuteAsync(
            async token =>
            {
                var e = base.GetStreamingResponseAsync(list, options, cancellationToken).GetAsyncEnumerator(token);
                var hasFirst = await e.MoveNextAsync();
                return (e, hasFirst ? e.Current : null);
            },
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
