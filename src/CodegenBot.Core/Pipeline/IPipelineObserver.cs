using CodegenBot.Core.Context;

namespace CodegenBot.Core.Pipeline;

/// <summary>
/// Hears about a run as each stage ends, so a host can show progress (the GitHub layer edits its tracking
/// comment). An observer that throws fails the run, so one that talks to a network should catch its own errors.
/// </summary>
public interface IPipelineObserver
{
    /// <summary>An observer that does nothing.</summary>
    public static readonly IPipelineObserver None = new NoObserver();

    /// <summary>The context was gathered.</summary>
    ValueTask OnContextAsync(GatheredContext context, CancellationToken cancellationToken);

    /// <summary>An attempt ended (passed or not); <paramref name="maxAttempts"/> is the most the run will make.</summary>
    ValueTask OnAttemptAsync(AttemptRecord attempt, int maxAttempts, CancellationToken cancellationToken);

    private sealed class NoObserver : IPipelineObserver
    {
        public ValueTask OnContextAsync(GatheredContext context, CancellationToken cancellationToken) => ValueTask.CompletedTask;

        public ValueTask OnAttemptAsync(AttemptRecord attempt, int maxAttempts, CancellationToken cancellationToken) => ValueTask.CompletedTask;
    }
}
