using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using CodegenBot.Core.Configuration;
using Polly;
using Polly.CircuitBreaker;

namespace CodegenBot.Core.Resilience;

/// <summary>What the adaptive retry strategy knows of an endpoint: typical latency of successful calls, recent failure rate.</summary>
/// <param name="Latency">Exponentially weighted mean latency of successful calls; null before the first.</param>
/// <param name="FailureRate">Share of the last <see cref="EndpointState.Window"/> calls that failed.</param>
public readonly record struct EndpointSignals(TimeSpan? Latency, double FailureRate);

/// <summary>
/// One model endpoint as every run in the process sees it: its circuit breaker (shared, so parallel runs in the
/// webhook app stop hammering an endpoint that is down, together) and its health signals for adaptive retries.
/// </summary>
internal sealed class EndpointState
{
    /// <summary>Calls the failure rate looks back over.</summary>
    public const int Window = 20;

    /// <summary>Weight of the newest latency in the running mean.</summary>
    private const double LatencyWeight = 0.3;

    private static readonly ConcurrentDictionary<string, EndpointState> States = new(StringComparer.Ordinal);

    private readonly Lock _gate = new();
    private readonly Queue<bool> _outcomes = new();
    private double? _latencyMs;

    private EndpointState(ResiliencePipeline breaker) => Breaker = breaker;

    /// <summary>The circuit breaker (an empty pipeline when disabled).</summary>
    public ResiliencePipeline Breaker { get; }

    /// <summary>The state of an endpoint under given breaker settings and clock (tests with their own clock get their own state).</summary>
    public static EndpointState For(Uri endpoint, CircuitBreakerOptions options, TimeProvider time)
    {
        var key = $"{endpoint}|{options}|{RuntimeHelpers.GetHashCode(time)}";
        return States.GetOrAdd(key, _ =>
        {
            var builder = new ResiliencePipelineBuilder { TimeProvider = time };
            if (options.Enabled)
            {
                builder.AddCircuitBreaker(new CircuitBreakerStrategyOptions
                {
                    FailureRatio = options.FailureRatio,
                    MinimumThroughput = options.MinimumThroughput,
                    SamplingDuration = options.SamplingDuration,
                    BreakDuration = options.BreakDuration,
                    ShouldHandle = args => ValueTask.FromResult(args.Outcome.Exception is { } ex && ModelFailures.Classify(ex) is not null),
                });
            }

            return new EndpointState(builder.Build());
        });
    }

    public void Record(bool success, TimeSpan latency)
    {
        lock (_gate)
        {
            _outcomes.Enqueue(success);
            while (_outcomes.Count > Window)
            {
                _outcomes.Dequeue();
            }

            if (success)
            {
                _latencyMs = _latencyMs is { } mean ? (LatencyWeight * latency.TotalMilliseconds) + ((1 - LatencyWeight) * mean) : latency.TotalMilliseconds;
            }
        }
    }

    public EndpointSignals Signals()
    {
        lock (_gate)
        {
            var rate = _outcomes.Count == 0 ? 0 : (double)_outcomes.Count(o => !o) / _outcomes.Count;
            return new EndpointSignals(_latencyMs is { } ms ? TimeSpan.FromMilliseconds(ms) : null, rate);
        }
    }
}
