using System.Globalization;
using CodegenBot.Core.Context;
using CodegenBot.Core.Pipeline;
using CodegenBot.Core.Resilience;

namespace CodegenBot.GitHub.Progress;

/// <summary>Turns the pipeline's stages into lines of the tracking comment.</summary>
internal sealed class TrackingObserver(TrackingComment comment) : IPipelineObserver
{
    public async ValueTask OnContextAsync(GatheredContext context, CancellationToken cancellationToken)
    {
        var detail = string.Create(CultureInfo.InvariantCulture, $"{context.Files.Count} file(s) in full, {context.TokenCount:N0}/{context.TokenBudget:N0} tokens");
        await comment.SetAsync("context", "Context", StageState.Done, detail, cancellationToken);
        await comment.SetAsync("attempt-1", "Attempt 1", StageState.Running, "", cancellationToken);
    }

    public async ValueTask OnAttemptAsync(AttemptRecord attempt, int maxAttempts, CancellationToken cancellationToken)
    {
        await comment.SetAsync($"attempt-{attempt.Number}", $"Attempt {attempt.Number}", attempt.Failure is null ? StageState.Done : StageState.Failed, Describe(attempt), cancellationToken);
        if (attempt.Failure is RetryReason.QualityThreshold or RetryReason.ValidationFailed && attempt.Number < maxAttempts)
        {
            await comment.SetAsync($"attempt-{attempt.Number + 1}", $"Attempt {attempt.Number + 1}", StageState.Running, "", cancellationToken);
        }
    }

    internal static string Describe(AttemptRecord attempt)
    {
        var parts = new List<string>();
        if (attempt.Assessment is { } assessment)
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"quality {assessment.Overall:0}/{assessment.OverallThreshold:0}"));
        }

        if (attempt.Validation is { } validation)
        {
            parts.Add(validation.Commands.All(c => c.Result.Succeeded || c.Result.NotFound) ? "validation passed" : "validation failed");
        }

        if (attempt.Failure is { } failure)
        {
            parts.Add($"{failure.Display()}{(attempt.FailureSummary is { Length: > 0 } summary ? ": " + summary : "")}");
        }

        return string.Join(", ", parts);
    }
}
