using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using CodegenBot.Core;
using CodegenBot.Core.Configuration;
using CodegenBot.Core.Storage;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace CodegenBot.Cli.Commands;

/// <summary><c>codegen stats</c>: the run history from the store, as tables and terminal charts of trends.</summary>
internal static class StatsCommand
{
    /// <summary>The period shown when <c>--since</c> is not given.</summary>
    public static readonly TimeSpan DefaultPeriod = TimeSpan.FromDays(30);

    public static Command Create(CliContext context)
    {
        var repo = new Option<string?>("--repo") { Description = "Only this repository: owner/name, or a local checkout's path (default: all)." };
        var since = new Option<string?>("--since") { Description = "From this date (2026-11-01) or this long ago (30d, 12h); default 30d." };
        var format = new Option<string>("--format") { Description = "text or json.", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "json");
        var command = new Command("stats", "Show generation statistics from the store: success rate, attempts, quality, retries, context and cache, model time, tokens, cost, learning effectiveness.")
        {
            repo, since, format,
        };

        command.SetAction(async (parse, cancellationToken) =>
        {
            var from = Since(parse.GetValue(since), context.Time.GetUtcNow());
            var repository = Repository(parse.GetValue(repo), context.CurrentDirectory);
            var configuration = ConfigurationLoader.Load(new ConfigurationInputs { RepositoryPath = null, Environment = context.Environment });
            await using var services = CliServices.Build(context, configuration.Options, verbose: false);
            await using var store = await services.GetRequiredService<ICodegenStoreFactory>().OpenAsync(configuration.Options.Storage, context.Environment, cancellationToken)
                ?? throw new UserErrorException("Storage is off (storage.enabled: false), so there is no history to show; turn it on to record runs.");

            var runs = await store.Runs.ListAsync(from, repository, cancellationToken);
            var statistics = RunStatistics.Of(runs);
            var resumable = (await store.Tasks.ResumableAsync(context.Time.GetUtcNow() - configuration.Options.Storage.StaleAfter, cancellationToken))
                .Where(t => repository is null || t.Repository == repository)
                .ToList();
            var lessons = repository is null ? [] : Lessons(await store.Lessons.ListAsync(repository, cancellationToken), configuration.Options.Learning, context.Time.GetUtcNow());
            if (parse.GetValue(format) == "json")
            {
                await context.Out.WriteLineAsync(JsonSerializer.Serialize(
                    new { since = from, repository, store = store.Description, statistics, resumable = resumable.Select(t => t.Id), lessons = lessons.Select(l => new { l.Lesson.Id, l.Lesson.Text, l.Lesson.Category, l.Confidence, l.Lesson.Confirmations, l.Lesson.Contradictions }) },
                    CliJson.Options));
                return ExitCodes.Success;
            }

            var console = PlainConsole.Create(context.Out);
            Write(console, statistics, from, repository, store.Description, resumable);
            WriteLessons(console, lessons);
            return ExitCodes.Success;
        });

        return command;
    }

    /// <summary>The start of the period: a date (UTC midnight), or a duration back from now.</summary>
    internal static DateTimeOffset Since(string? text, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return now - DefaultPeriod;
        }

        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return new DateTimeOffset(date.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        }

        return Durations.TryParse(text, out var period) && period > TimeSpan.Zero
            ? now - period
            : throw new UserErrorException($"--since '{text}' is neither a date (2026-11-01) nor a period (30d, 12h, 90m); give one of those.");
    }

    /// <summary>A local checkout's full path (how local runs record their repository), else the owner/name as given.</summary>
    private static string? Repository(string? value, string currentDirectory)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var path = Path.GetFullPath(Path.Combine(currentDirectory, value));
        var isPath = Path.IsPathRooted(value) || value.StartsWith('.') || (Directory.Exists(path) && !value.Contains('/', StringComparison.Ordinal));
        return isPath ? path : value;
    }

    private static void Write(IAnsiConsole console, RunStatistics s, DateTimeOffset from, string? repository, string store, IReadOnlyList<TaskRecord> resumable)
    {
        console.WriteLine($"Runs since {from.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)} UTC, {(repository is null ? "all repositories" : repository)}, from the {store}");
        if (s.Runs == 0)
        {
            console.WriteLine("No runs recorded in this period; `codegen generate` and the Action record each run while storage is on.");
            WriteResumable(console, resumable);
            return;
        }

        var summary = new Table().AddColumns("Measure", "Value");
        summary.AddRow("Runs", Int(s.Runs));
        summary.AddRow("Succeeded", $"{Int(s.Succeeded)} ({Percent(s.SuccessRate)})");
        summary.AddRow("Attempts per run", Number(s.MeanAttempts, "0.00"));
        summary.AddRow("Duration (median / p90)", $"{Seconds(s.MedianDuration)} / {Seconds(s.P90Duration)}");
        summary.AddRow("Context time (mean)", Seconds(s.MeanContextTime));
        summary.AddRow("Context cache hit rate", Percent(s.CacheHitRate));
        summary.AddRow("Model time (mean)", Seconds(s.MeanModelTime));
        summary.AddRow("Model calls retried", Int(s.ModelRetries));
        summary.AddRow("Tokens", s.Tokens.ToString("N0", CultureInfo.InvariantCulture));
        summary.AddRow("Cost (priced models)", string.Create(CultureInfo.InvariantCulture, $"${s.Cost:0.0000}"));
        summary.AddRow("Attempts to success, with / without lessons", $"{Number(s.AttemptsToSuccessWithLessons, "0.00")} / {Number(s.AttemptsToSuccessWithoutLessons, "0.00")}");
        summary.AddRow("Learning effectiveness", s.LearningEffectiveness is { } e ? $"{Percent(e)} fewer attempts with lessons" : "not yet measurable (needs successful runs with and without lessons)");
        console.Write(summary);

        Chart(console, "Final quality score", s.QualityDistribution);
        Chart(console, "Attempts retried, by reason", s.RetriesByReason);
        Chart(console, "Runs that gave up, by the last attempt's failure", s.GaveUpByReason);

        console.WriteLine();
        console.WriteLine("Per day");
        var days = new Table().AddColumns("Day", "Runs", "Succeeded", "Mean quality", "Success rate");
        foreach (var day in s.Days)
        {
            var rate = (double)day.Succeeded / day.Runs;
            days.AddRow(
                day.Day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), Int(day.Runs), Int(day.Succeeded), Number(day.MeanQuality, "0.0"),
                $"{new string('█', (int)Math.Round(rate * 20))}{new string('·', 20 - (int)Math.Round(rate * 20))} {Percent(rate)}");
        }

        console.Write(days);
        WriteResumable(console, resumable);
    }

    private static void Chart(IAnsiConsole console, string title, IReadOnlyList<(string Label, int Count)> bars)
    {
        if (bars.Count == 0)
        {
            return;
        }

        console.WriteLine();
        console.WriteLine(title);
        var chart = new BarChart().Width(80);
        foreach (var (label, count) in bars)
        {
            chart.AddItem(Markup.Escape(label), count);
        }

        console.Write(chart);
    }

    /// <summary>The repository's lessons, most trusted first, with their confidence now.</summary>
    private static List<(Core.Learning.Lesson Lesson, double Confidence)> Lessons(IReadOnlyList<Core.Learning.Lesson> lessons, LearningOptions options, DateTimeOffset now) =>
        [.. lessons.Select(l => (l, Core.Learning.LessonConfidence.Of(l, now, options.ConfidenceHalfLife))).OrderByDescending(x => x.Item2).ThenBy(x => x.l.Id, StringComparer.Ordinal)];

    private static void WriteLessons(IAnsiConsole console, List<(Core.Learning.Lesson Lesson, double Confidence)> lessons)
    {
        if (lessons.Count == 0)
        {
            return;
        }

        console.WriteLine();
        console.WriteLine($"Lessons learnt in this repository: {Int(lessons.Count)} (a prompt carries the most relevant of those at or above learning.min_confidence)");
        var table = new Table().AddColumns("Confidence", "Confirmed", "Contradicted", "Category", "Lesson");
        foreach (var (lesson, confidence) in lessons.Take(20))
        {
            table.AddRow(Number(confidence, "0.00"), Int(lesson.Confirmations), Int(lesson.Contradictions), Markup.Escape(lesson.Category), Markup.Escape(lesson.Text.Length <= 100 ? lesson.Text : lesson.Text[..97] + "..."));
        }

        console.Write(table);
    }

    private static void WriteResumable(IAnsiConsole console, IReadOnlyList<TaskRecord> resumable)
    {
        if (resumable.Count == 0)
        {
            return;
        }

        console.WriteLine();
        console.WriteLine($"Tasks left unfinished (interrupted, or running with no sign of life): {Int(resumable.Count)}");
        foreach (var task in resumable.Take(20))
        {
            console.WriteLine($"- {task.Id} ({task.State}, last heard of {task.UpdatedAt.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)} UTC): {task.Title}");
        }
    }

    private static string Int(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Number(double? value, string format) => value?.ToString(format, CultureInfo.InvariantCulture) ?? "-";

    private static string Percent(double? value) => value is { } v ? v.ToString("0.#%", CultureInfo.InvariantCulture) : "-";

    private static string Seconds(TimeSpan value) => value.TotalSeconds.ToString("0.0 s", CultureInfo.InvariantCulture);
}
