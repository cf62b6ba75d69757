using System.Diagnostics.Metrics;
using CodegenBot.Core.Pipeline;
using CodegenBot.Core.Resilience;

namespace CodegenBot.Core.Telemetry;

/// <summary>
/// The engine's .NET metrics, under the meter <see cref="MeterName"/> with OpenTelemetry-style names: every
/// generation (outcome, mode, duration, final quality score), its context (time, files analysed and reused from
/// the cache, whether the whole tree was a cache hit), every attempt (outcome and failure reason, duration,
/// tokens, cost) and every call retry (reason, delay). Model latency, errors and token usage per call come from
/// Microsoft.Extensions.AI's OpenTelemetry client under the same meter (<c>gen_ai.client.*</c>). An
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
    private static readonly Counter<long> Generations = Meter.CreateCounter<long>("codegen.generations", "{generation}", "Generations, by outcome (succeeded, gave_up) and mode: the success rate.");
    private static readonly Histogram<double> GenerationDuration = Meter.CreateHistogram<double>("codegen.generation.duration", "s", "Duration of one generation, context to commit, by outcome and mode.");
    private static readonly Histogram<double> QualityScore = Meter.CreateHistogram<double>("codegen.quality.score", "{score}", "Overall quality score (0-100) of each generation's last assessed attempt, by outcome and mode.");
    private static readonly Histogram<double> ContextDuration = Meter.CreateHistogram<double>("codegen.context.duration", "s", "Time to gather the context of one generation.");
    private static readonly Counter<long> ContextFiles = Meter.CreateCounter<long>("codegen.context.files", "{file}", "Files indexed for a context, by cache result (reused: analysis taken from the cache; analysed: read again).");
    private static readonly Histogram<int> AttemptsToSuccess = Meter.CreateHistogram<int>("codegen.learning.attempts_to_success", "{attempt}", "Attempts a successful generation needed, by lessons (with, without): learning effectiveness is 1 - mean(with) / mean(without).");
    private static readonly Histogram<int> LessonsUsed = Meter.CreateHistogram<int>("codegen.learning.lessons_used", "{lesson}", "Lessons the prompt of a generation carried.");
    private static readonly Counter<long> LessonUpdates = Meter.CreateCounter<long>("codegen.learning.lesson_updates", "{lesson}", "Lessons created, confirmed or contradicted by finished tasks.");
    private static readonly Counter<long> ContextTreeLookups = Meter.CreateCounter<long>("codegen.context.tree_cache.lookups", "{lookup}", "Whole-tree cache lookups, by result (hit, miss): the tree cache hit rate.");

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

    internal static void RecordGeneration(GenerationOutcome outcome, TimeSpan duration)
    {
        var result = new KeyValuePair<string, object?>("outcome", outcome.Succeeded ? "succeeded" : "gave_up");
        var mode = new KeyValuePair<string, object?>("mode", Configuration.ConfigNames.EnumValue(outcome.Request.Mode));
        Generations.Add(1, result, mode);
        GenerationDuration.Record(duration.TotalSeconds, result, mode);
        if (outcome.Attempts.LastOrDefault(a => a.Assessment is not null)?.Assessment is { } assessment)
        {
            QualityScore.Record(assessment.Overall, result, mode);
        }

        var context = outcome.Context;
        ContextDuration.Record(context.Duration.TotalSeconds);
        ContextFiles.Add(context.Index.Reused, new KeyValuePair<string, object?>("cache", "reused"));
        ContextFiles.Add(context.Index.Analysed, new KeyValuePair<string, object?>("cache", "analysed"));
        ContextTreeLookups.Add(1, new KeyValuePair<string, object?>("result", context.Index.TreeCacheHit ? "hit" : "miss"));
    }

    /// <summary>
    /// Learning: attempts each successful generation needed, tagged by whether its prompt carried lessons. Learning
    /// effectiveness is 1 − mean(with) ÷ mean(without) over these two series (as <c>codegen stats</c> computes it).
    /// </summary>
    internal static void RecordLearning(int lessonsUsed, int attempts, bool succeeded, int lessonsChanged)
    {
        var lessons = new KeyValuePair<string, object?>("lessons", lessonsUsed > 0 ? "with" : "without");
        if (succeeded)
        {
            AttemptsToSuccess.Record(attempts, lessons);
        }

        LessonsUsed.Record(lessonsUsed);
        LessonUpdates.Add(lessonsChanged);
    }

    internal static void RecordRetry(RetryReason reason, TimeSpan delay)
    {
        var tag = new KeyValuePair<string, object?>("reason", reason.Display());
        Retries.Add(1, tag);
        RetryDelay.Record(delay.TotalSeconds, tag);
    }
}
