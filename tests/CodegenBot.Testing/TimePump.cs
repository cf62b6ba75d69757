using Microsoft.Extensions.Time.Testing;

namespace CodegenBot.Testing;

/// <summary>
/// Drives a <see cref="FakeTimeProvider"/> while real I/O runs: simulated time moves in small steps until the work
/// completes, so retry delays, Retry-After waits and call timeouts pass in simulated time (a 30-second wait costs
/// a few milliseconds) and durations are exact.
/// </summary>
public static class TimePump
{
    /// <summary>Simulated time per step; small enough that a real HTTP round trip (a few ms) stays far below any timeout under test.</summary>
    public static readonly TimeSpan DefaultStep = TimeSpan.FromMilliseconds(10);

    public static async Task<T> RunAsync<T>(this FakeTimeProvider time, Func<Task<T>> work, TimeSpan? step = null)
    {
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(work);
        var task = work();
        while (!task.IsCompleted)
        {
            time.Advance(step ?? DefaultStep);
            // Yield to the I/O in flight; this is the only real wait and does not depend on the simulated duration.
            await Task.WhenAny(task, Task.Delay(1));
        }

        return await task;
    }
}
