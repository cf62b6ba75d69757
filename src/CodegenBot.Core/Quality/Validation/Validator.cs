using System.Globalization;
using CodegenBot.Core.Configuration;

namespace CodegenBot.Core.Quality.Validation;

/// <summary>One command's evidence: how it ran, the tests it reported, the compiler diagnostics it printed.</summary>
public sealed record CommandOutcome(CommandResult Result, TestResults? Tests, IReadOnlyList<Finding> Findings);

/// <summary>Every command run on one state of the work tree.</summary>
public sealed record ValidationRun(IReadOnlyList<CommandOutcome> Commands);

/// <summary>
/// Runs the repository's own commands (configured, else detected) in a work tree and reads their results; compares
/// a change's run with the base commit's so only what the change broke counts. A command whose program is not
/// installed is reported, not blamed on the change.
/// </summary>
internal sealed class Validator(CommandRunner runner, ValidationOptions options)
{
    /// <summary>Most failures listed per command in the feedback.</summary>
    private const int MaxListed = 10;

    public IReadOnlyList<ValidationCommand> CommandsFor(string root) =>
        options.Commands.Count > 0
            ? options.Commands.Where(c => c.Run.Count > 0)
                .Select(c => new ValidationCommand(c.Name.Length > 0 ? c.Name : string.Join(' ', c.Run), c.Kind, c.Run[0], c.Run.Skip(1).ToList(), c.Results, c.ResultsPath))
                .ToList()
            : CommandDetector.Detect(root);

    public async Task<ValidationRun> RunAsync(string root, IReadOnlyList<ValidationCommand> commands, CancellationToken cancellationToken)
    {
        var outcomes = new List<CommandOutcome>();
        foreach (var command in commands)
        {
            var resultsPath = command.ResultsPath.Length > 0 ? Path.Combine(root, command.ResultsPath) : null;
            Delete(resultsPath);
            var result = await runner.RunAsync(command, root, options.Timeout, options.OutputCap, cancellationToken);
            var tests = command.Results switch
            {
                ResultFormat.Trx => ReadAll(resultsPath, "*.trx", TestResultParsers.ReadTrx),
                ResultFormat.JUnit => ReadAll(resultsPath, "*.xml", TestResultParsers.ReadJUnit),
                ResultFormat.GoJson => TestResultParsers.ReadGoJson(result.Output),
                _ => null,
            };
            var findings = command.Executable == "dotnet" ? TestResultParsers.ReadMsBuildDiagnostics(result.Output, root) : [];
            outcomes.Add(new CommandOutcome(result, tests, findings));
            Delete(Path.Combine(root, CommandDetector.ResultsFolder));
        }

        return new ValidationRun(outcomes);
    }

    /// <summary>Bumped when the stored shape of a <see cref="ValidationRun"/> changes.</summary>
    public const int BaselineCacheVersion = 1;

    /// <summary>
    /// The commands' results on the base commit, reused from <paramref name="cache"/> when the same commands already
    /// ran on the same commit (a retried or repeated request does not rebuild and retest the base). A run is stored
    /// only when every command passed or failed with parsed test failures: a timeout, a missing tool or a build that
    /// failed says more about the machine than the commit.
    /// </summary>
    public async Task<ValidationRun> BaselineAsync(
        string root,
        string commitSha,
        IReadOnlyList<ValidationCommand> commands,
        Context.Caching.IContextCacheStore? cache,
        DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        var key = BaselineKey(commitSha, commands);
        if (cache is not null && await cache.GetAsync(key, cancellationToken) is { } hit)
        {
            try
            {
                if (System.Text.Json.JsonSerializer.Deserialize<ValidationRun>(hit.Value, BaselineJson) is { Commands.Count: > 0 } cached
                    && cached.Commands.Count == commands.Count)
                {
                    return cached;
                }
            }
            catch (System.Text.Json.JsonException)
            {
                // A corrupt entry is rebuilt below.
            }
        }

        var run = await RunAsync(root, commands, cancellationToken);
        // Stored only when every command passed, or failed with parsed test results: a build that failed because the
        // network or the machine did not cooperate must not excuse the same failure on this commit from now on.
        if (cache is not null && run.Commands.All(c => c.Result.Succeeded || c.Tests is { Failed: > 0 }))
        {
            await cache.SetAsync(key, System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(run, BaselineJson), now, cancellationToken);
        }

        return run;
    }

    private static readonly System.Text.Json.JsonSerializerOptions BaselineJson = new(System.Text.Json.JsonSerializerDefaults.Web);

    private string BaselineKey(string commitSha, IReadOnlyList<ValidationCommand> commands)
    {
        var description = System.Text.Json.JsonSerializer.Serialize(new { commands, options.Timeout, options.OutputCap }, BaselineJson);
        var hash = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes($"{BaselineCacheVersion}\n{commitSha}\n{description}")));
        return $"validation-baseline/{hash}";
    }

    /// <summary>
    /// What the change broke, as feedback the model can act on: a command that passed on the base commit and fails
    /// now, tests that fail now and did not before, compiler errors; nothing for what was already broken.
    /// </summary>
    public static IReadOnlyList<string> Regressions(ValidationRun? baseline, ValidationRun current)
    {
        var problems = new List<string>();
        foreach (var outcome in current.Commands)
        {
            var (command, result) = (outcome.Result.Command, outcome.Result);
            var before = baseline?.Commands.FirstOrDefault(c => c.Result.Command.Name == command.Name);
            if (result.NotFound || result.Succeeded)
            {
                continue;
            }

            if (result.TimedOut)
            {
                if (before?.Result.TimedOut != true)
                {
                    problems.Add($"{command.Name} did not finish within the time limit after this change; look for an endless loop or a hang.");
                }

                continue;
            }

            var failedBefore = before?.Tests?.Failures.Select(f => f.Name).ToHashSet(StringComparer.Ordinal) ?? [];
            var newFailures = outcome.Tests?.Failures.Where(f => !failedBefore.Contains(f.Name)).ToList() ?? [];
            if (newFailures.Count > 0)
            {
                problems.Add($"{command.Name}: {newFailures.Count} test(s) fail that passed before this change: "
                    + string.Join("; ", newFailures.Take(MaxListed).Select(f => $"{f.Name}: {FirstLine(f.Message)}")));
                continue;
            }

            if (before is { Result.Succeeded: false })
            {
                continue; // Broken before the change too, and no new test failure: not the change's doing.
            }

            var errors = outcome.Findings.Where(f => f.Severity == FindingSeverity.Error).Take(MaxListed).ToList();
            problems.Add(errors.Count > 0
                ? $"{command.Name} fails with {errors.Count} error(s): {string.Join("; ", errors.Select(e => $"{e.File}:{e.Line}:{e.Column}: {e.RuleId} {e.Message}"))}"
                : string.Create(CultureInfo.InvariantCulture, $"{command.Name} fails (exit code {result.ExitCode}) after this change; its output ends: {Tail(result.Output)}"));
        }

        return problems;
    }

    private static TestResults? ReadAll(string? path, string pattern, Func<string, TestResults?> read)
    {
        if (path is null)
        {
            return null;
        }

        var files = File.Exists(path) ? [path] : Directory.Exists(path) ? Directory.GetFiles(path, pattern, SearchOption.AllDirectories) : [];
        var results = files.Select(f => read(File.ReadAllText(f))).OfType<TestResults>().ToList();
        return results.Count == 0 ? null : results.Aggregate(TestResults.Empty, (a, b) => a.Add(b));
    }

    private static void Delete(string? path)
    {
        if (path is null)
        {
            return;
        }

        if (Directory.Exists(path))
        {
            Directory.Delete(path, recursive: true);
        }
        else if (File.Exists(path))
        {
            File.Delete(path);
        }
    }

    private static string FirstLine(string text) => text.Split('\n', 2)[0].Trim();

    private static string Tail(string output)
    {
        var lines = output.Split('\n').TakeLast(5);
        return string.Join(" | ", lines.Select(l => l.Trim()).Where(l => l.Length > 0));
    }
}
