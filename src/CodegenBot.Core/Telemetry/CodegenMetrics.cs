using System.Diagnostics.Metrics;
using CodegenBot.Core.Pipeline;
using CodegenBot.Core.Resilience;

namespace CodegenBot.Core.Telemetry;

/// <summary>
/// The engine's .NET metrics, under the meter <see cref="MeterName"/> with OpenTelemetry-style names: every
/// attempt (outcome and failure reason, duration, tokens, cost) and every call retry (reason, delay). An
/// OpenTelemetry exporter or <c>dotnet-counters</c> picks them up by the meter name.
/// </summary>
public static class CodegenMetrics
{
    /// <summary>The meter's name.</summary>
    public const string MeterName = "CodegenBot";

    private static readonly Meter Meter = new(MeterName);
    private static readonly Counter<long> Attempts = Meter.CreateCounter<long>("codegen.attempts", "{attempt}", "Generation attempts, by outcome and failure reason.");
    private static readonly Histogram<double> AttemptDuration = Meter.CreateHistogram<double>("codegen.attempt.duration", "s", "Duration of one attempt.");
    private static readonly Counter<long> Tokens = Meter.CreateCounter<long>("codegen.tokens", "{token}", "Model tokens, by kind (input, cached_input, output).");
    private static readonly Counter<double> Cost = Meter.CreateCounter<double>("codegen.cost", "USD", "Cost of model calls, for priced models.");
    private static readonly Counter<long> Retries = Meter.CreateCounter<long>("codegen.call.retries", "{retry}", "Model call retries, by reason.");
    private static readonly Histogram<double> RetryDelay = Meter.CreateHistogram<double>("codegen.call.retry.delay", "s", "Delay before a model call retry, by reason.");

    internal static void RecordAttempt(AttemptRecord attempt)
    {
        var outcome = new KeyValuePair<string, object?>("outcome", attempt.Failure is null ? "passed" : "failed");
        var reason = new KeyValuePair<string, object?>("reason", attempt.Failure?.Display() ?? "none");
        Attempts.Add(1, outcome, reason);
        AttemptDuration.Record(attempt.Duration.TotalSeconds, outcome, reason);
        Tokens.Add(attempt.InputTokens - attempt.CachedInputTokens, new KeyValuePair<string, object?>("kind", "input"));
        Tokens.Add(attempt.CachedInputTokens, new KeyValuePair<string, object?>("kind", "cached_input"));
        Tokens.Add(attempt.OutputTokens, new KeyValuePair<string, object?>("kind", "output"));
        if (attempt.Cost is { } cost)
        {
            Cost.Add(cost);
        }
    }

    internal static void RecordRetry(RetryReason reason, TimeSpan delay)
    {
        var tag = new KeyValuePair<string, object?>("reason", reason.Display());
        Retries.Add(1, tag);
        RetryDelay.Record(delay.TotalSeconds, tag);
    }
}
