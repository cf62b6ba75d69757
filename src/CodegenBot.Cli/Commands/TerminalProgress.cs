using Spectre.Console;

namespace CodegenBot.Cli.Commands;

/// <summary>One progress bar on stderr for long commands: drawn only on a terminal, cleared when the work ends.</summary>
internal static class TerminalProgress
{
    /// <summary>
    /// Runs <paramref name="work"/> with a bar titled <paramref name="description"/> that <paramref name="update"/>
    /// moves on each report; without a terminal (or when <paramref name="show"/> is false) the work gets no progress.
    /// </summary>
    public static async Task<TResult> RunAsync<TProgress, TResult>(
        CliContext context,
        string description,
        Action<ProgressTask, TProgress> update,
        Func<IProgress<TProgress>?, Task<TResult>> work,
        bool show = true,
        bool startAtOnce = true,
        double maxValue = 100)
    {
        if (!context.IsInteractive || !show)
        {
            return await work(null);
        }

        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(context.Error) });
        return await console.Progress()
            .AutoClear(true)
            .HideCompleted(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
            .StartAsync(async display =>
            {
                var bar = display.AddTask(description, autoStart: startAtOnce, maxValue: maxValue);
                var result = await work(new SynchronousProgress<TProgress>(p => update(bar, p)));
                bar.StopTask();
                return result;
            });
    }
}
