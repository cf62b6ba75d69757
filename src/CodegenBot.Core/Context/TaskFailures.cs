namespace CodegenBot.Core.Context;

/// <summary>Failures of tasks nobody will await any more.</summary>
internal static class TaskFailures
{
    /// <summary>
    /// Marks the task's failure, whenever it ends, as seen: for work left behind because another failure is already
    /// on its way to the caller, or whose result is no longer needed.
    /// </summary>
    public static void Observe(Task task) =>
        task.ContinueWith(static t => _ = t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
}
