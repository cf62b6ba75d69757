using System.Diagnostics;
using System.Globalization;
using CodegenBot.Testing;

namespace CodegenBot.Bench.Learning;

/// <summary>
/// The learning experiment (<see cref="LearningReplay"/>) at full length: the same tasks with learning off and on,
/// attempts to success per task, learning effectiveness, and what the store's history says.
/// </summary>
internal static class LearningReplayBenchmark
{
    public static async Task<int> RunAsync(int tasks, TextWriter output, CancellationToken cancellationToken)
    {
        var folder = Directory.CreateTempSubdirectory("codegen-learning-replay-").FullName;
        try
        {
            var clock = Stopwatch.StartNew();
            var result = await LearningReplay.RunAsync(folder, tasks, cancellationToken);
            clock.Stop();

            await output.WriteLineAsync("| # | task | attempts, learning off | attempts, learning on | lessons in the prompt |");
            await output.WriteLineAsync("| ---: | --- | ---: | ---: | ---: |");
            for (var i = 0; i < result.With.Count; i++)
            {
                await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"| {i + 1} | {result.With[i].Task} | {result.Without[i].Attempts} | {result.With[i].Attempts} | {result.With[i].LessonsUsed} |"));
            }

            await output.WriteLineAsync();
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"Tasks: {result.With.Count}; succeeded: off {result.Without.Count(t => t.Succeeded)}, on {result.With.Count(t => t.Succeeded)}"));
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"Mean attempts to success: learning off {result.MeanAttemptsWithout:0.00}, learning on {result.MeanAttemptsWith:0.00}"));
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"Learning effectiveness (1 - on/off): {result.Effectiveness:0.00}; model calls saved: {result.Without.Sum(t => t.Attempts) - result.With.Sum(t => t.Attempts)}"));
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"Wall time of both arms: {clock.Elapsed.TotalSeconds:0.0} s"));
            return 0;
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            RemoteRepository.DeleteFolder(folder);
        }
    }
}
