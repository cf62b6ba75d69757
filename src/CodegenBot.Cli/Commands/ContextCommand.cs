using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using CodegenBot.Core;
using CodegenBot.Core.Configuration;
using CodegenBot.Core.Context;
using CodegenBot.Core.Context.Tasks;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace CodegenBot.Cli.Commands;

/// <summary><c>codegen context</c>: the context the model would get for a task, with scores, reasons and costs.</summary>
internal static class ContextCommand
{
    private const int ShownFiles = 30;

    public static Command Create(CliContext context)
    {
        var repo = new Option<string>("--repo") { Description = "The git checkout (default: the current directory).", DefaultValueFactory = _ => "." };
        var task = new Option<string?>("--task") { Description = "The task, as text." };
        var taskFile = new Option<FileInfo?>("--task-file") { Description = "A file holding the task (Markdown)." };
        var budget = new Option<int?>("--budget") { Description = "Token budget (default: context.token_budget)." };
        var format = new Option<string>("--format") { Description = "text or json.", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "json");
        var verbose = new Option<bool>("--verbose", "-v") { Description = "Log debug details to stderr." };
        var command = new Command("context", "Show the context gathered for a task: ranked files with reasons, repo map, profile, standards, token counts.")
        {
            repo, task, taskFile, budget, format, verbose,
        };

        command.SetAction(async (parse, cancellationToken) =>
        {
            var root = Path.GetFullPath(Path.Combine(context.CurrentDirectory, parse.GetValue(repo)!));
            var text = await TaskInput.ReadAsync(parse.GetValue(task), parse.GetValue(taskFile), cancellationToken);
            if (parse.GetValue(budget) is < 1000)
            {
                throw new UserErrorException("--budget must be at least 1000 tokens.");
            }

            using var workspace = Core.Workspace.GitWorkspace.Open(root);
            // Git's view of the checkout is read on another core while configuration and services load; dropped at the
            // end if the command fails before listing.
            using var prefetch = RepositoryScanner.Prefetch(workspace.Root);
            var configuration = ConfigurationLoader.Load(new ConfigurationInputs { RepositoryPath = root, Environment = context.Environment });
            await using var services = CliServices.Build(context, configuration.Options, parse.GetValue(verbose));
            var engine = services.GetRequiredService<ContextEngineFactory>().Create(configuration.Options);
            var startUp = StartUp(context);
            var gathered = await WithProgressAsync(context, progress => engine.BuildAsync(workspace.Root, workspace.Root, TaskParser.Parse(text), parse.GetValue(budget), cancellationToken, progress));
            if (startUp is { } elapsed)
            {
                gathered = gathered with { Phases = [new ContextPhase(StartUpPhase, elapsed), .. gathered.Phases] };
            }

            if (parse.GetValue(format) == "json")
            {
                await context.Out.WriteAsync(CliJsonContext.Write(gathered));
                await context.Out.WriteLineAsync();
            }
            else
            {
                WriteText(context.Out, gathered);
            }

            return ExitCodes.Success;
        });

        return command;
    }

    /// <summary>The phase before the engine starts: the runtime, parsing the command line, configuration and services.</summary>
    private const string StartUpPhase = "start-up (process start to indexing)";

    /// <summary>
    /// Time since the process started, by the operating system's record of its start (to 10 ms); null when the CLI runs
    /// inside another process, or the system does not say (the phase is left out then, the command goes on).
    /// </summary>
    private static TimeSpan? StartUp(CliContext context)
    {
        if (!context.OwnsProcess)
        {
            return null;
        }

        try
        {
            using var process = System.Diagnostics.Process.GetCurrentProcess();
            var elapsed = context.Time.GetUtcNow() - new DateTimeOffset(process.StartTime);
            return elapsed > TimeSpan.Zero ? elapsed : TimeSpan.Zero;
        }
        catch (Exception ex) when (ex is InvalidOperationException or System.ComponentModel.Win32Exception or NotSupportedException)
        {
            return null;
        }
    }

    /// <summary>
    /// Runs the work with a progress bar on stderr when it is a terminal: shown once indexing has files to analyse
    /// (a warm run finishes before anything is drawn), cleared when done.
    /// </summary>
    private static Task<T> WithProgressAsync<T>(CliContext context, Func<IProgress<IndexProgress>?, Task<T>> work) =>
        TerminalProgress.RunAsync<IndexProgress, T>(
            context,
            "Indexing the repository",
            (bar, p) =>
            {
                bar.MaxValue = Math.Max(1, p.Total);
                bar.Value = p.Done;
                bar.Description = "Analysing new and changed files";
                if (!bar.IsStarted)
                {
                    bar.StartTask();
                }
            },
            work,
            startAtOnce: false);

    private static void WriteText(TextWriter output, GatheredContext gathered)
    {
        var console = PlainConsole.Create(output);

        var index = gathered.Index;
        console.WriteLine($"Tokens: {gathered.TokenCount} of {gathered.TokenBudget}");
        console.WriteLine($"Index: {index.Files} files, {index.Analysed} analysed, {index.Reused} reused from the cache; tree cache {(index.TreeCacheHit ? "hit" : "miss")}");
        console.WriteLine("Phases: " + string.Join(", ", gathered.Phases.Select(p => $"{p.Name} {p.Elapsed.TotalMilliseconds.ToString("0", CultureInfo.InvariantCulture)} ms")));
        foreach (var warning in gathered.Warnings)
        {
            console.WriteLine($"Warning: {warning}");
        }

        var table = new Table().AddColumns("#", "Score", "Sent", "Tokens", "File", "Why");
        foreach (var (entry, rank) in gathered.Coverage.Take(ShownFiles).Select((e, i) => (e, i + 1)))
        {
            table.AddRow(
                rank.ToString(CultureInfo.InvariantCulture),
                entry.Score.ToString("0.000", CultureInfo.InvariantCulture),
                entry.Tier.ToString(),
                entry.Tokens.ToString(CultureInfo.InvariantCulture),
                Markup.Escape(entry.Path),
                Markup.Escape(string.Join("; ", entry.Reasons)));
        }

        console.Write(table);
        Section(console, "Team standards", string.Join('\n', gathered.TeamStandards.Select(s => $"- {s}")));
        Section(console, "Codebase profile", gathered.Profile);
        Section(console, "Repository map", gathered.RepoMap);
        Section(console, "Other folders", gathered.DirectorySummary);
    }

    private static void Section(IAnsiConsole console, string title, string body)
    {
        if (body.Length > 0)
        {
            console.WriteLine();
            console.WriteLine($"## {title}");
            console.WriteLine(body.TrimEnd());
        }
    }
}
