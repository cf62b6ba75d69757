using System.Diagnostics;
using System.Globalization;
using CodegenBot.Testing;
using CodegenBot.Testing.FakeGitHub;

namespace CodegenBot.Bench.Action;

/// <summary>
/// Time from event to pull request: the real <c>codegen action</c> binary, started as the runner starts the
/// container's entry point, against the fake GitHub REST server and a fake model that answers at once (so the
/// model's own time is excluded), with a bare git remote on disk. Each run labels a new issue.
/// </summary>
internal static class ActionLatencyBenchmark
{
    private const string Calculator = "namespace Demo;\n\npublic sealed class Calculator\n{\n    public int Add(int a, int b) => a + b;\n}\n";

    public static async Task<int> RunAsync(string codegen, int runs, TextWriter output, CancellationToken cancellationToken)
    {
        var root = Directory.CreateTempSubdirectory("codegen-bench-action-").FullName;
        try
        {
            var remote = RemoteRepository.Create(root, [("src/Calculator.cs", Calculator), ("README.md", "# Demo\n")]);
            var workspace = remote.Clone(Path.Combine(root, "workspace"));
            await using var model = await FakeModelServer.StartAsync(cancellationToken);
            await using var github = await FakeGitHubServer.StartAsync(GitHubPayloads.Owner, GitHubPayloads.Name, remote.BarePath, cancellationToken: cancellationToken);
            github.AddUser("alice", "write");
            model.Respond(_ => FakeResponse.Text(Edit()));

            var times = new List<double>();
            for (var run = 1; run <= runs; run++)
            {
                var issue = github.CreateIssue($"Add Subtract number {run}", "Calculator needs `Subtract(a, b)` next to `Add`.", "alice", "codegen");
                var payload = GitHubPayloads.IssueLabeled(GitHubPayloads.Issue(issue.Number, issue.Title, issue.Body, "alice", ["codegen"]), "codegen", "alice");
                var eventPath = Path.Combine(root, $"event-{run}.json");
                await File.WriteAllTextAsync(eventPath, payload.ToJsonString(), cancellationToken);
                var watch = Stopwatch.StartNew();
                var (exitCode, log) = await StartAsync(codegen, workspace, new Dictionary<string, string>
                {
                    ["GITHUB_EVENT_NAME"] = "issues",
                    ["GITHUB_EVENT_PATH"] = eventPath,
                    ["GITHUB_REPOSITORY"] = $"{GitHubPayloads.Owner}/{GitHubPayloads.Name}",
                    ["GITHUB_WORKSPACE"] = workspace,
                    ["GITHUB_API_URL"] = github.ApiUrl,
                    ["GITHUB_RUN_ID"] = "1",
                    ["GITHUB_STEP_SUMMARY"] = Path.Combine(root, "summary.md"),
                    ["INPUT_GITHUB_TOKEN"] = github.Token,
                    ["INPUT_MODEL_PROVIDER"] = "openai-compatible",
                    ["INPUT_MODEL_ENDPOINT"] = model.BaseUrl.ToString(),
                    ["INPUT_MODEL"] = "test-model",
                    ["CODEGEN_CONTEXT__CACHE_DIRECTORY"] = Path.Combine(root, "cache"),
                }, cancellationToken);
                watch.Stop();
                if (exitCode != 0 || github.PullRequests.Count != run)
                {
                    await output.WriteLineAsync($"Run {run} failed (exit {exitCode}):\n{log}");
                    return 1;
                }

                times.Add(watch.Elapsed.TotalMilliseconds);
                await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"run {run}: {watch.Elapsed.TotalMilliseconds:0} ms, pull request #{github.PullRequests[^1].Number}"));
            }

            // The stages of the last run, from its job summary (the report's "Time per stage" table).
            var summary = await File.ReadAllLinesAsync(Path.Combine(root, "summary.md"), cancellationToken);
            var stages = summary.SkipWhile(l => !l.Contains("Time per stage", StringComparison.Ordinal)).Skip(4).TakeWhile(l => l.StartsWith('|')).Select(l => l.Trim('|', ' ').Replace(" | ", " ", StringComparison.Ordinal));
            await output.WriteLineAsync("Stages of the last run (pipeline timer): " + string.Join(", ", stages));
            times.Sort();
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"Event to pull request over {runs} runs: median {times[times.Count / 2]:0} ms, min {times[0]:0} ms, max {times[^1]:0} ms ({github.Requests.Count} GitHub API requests in all, {github.Requests.Count / runs} per run; model: {model.Requests.Count} call(s), answered by the fake at once)."));
            return 0;
        }
        finally
        {
            RemoteRepository.DeleteFolder(root);
        }
    }

    private static async Task<(int ExitCode, string Log)> StartAsync(string codegen, string workspace, Dictionary<string, string> environment, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(codegen, ["action"])
        {
            WorkingDirectory = workspace,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("GITHUB_", StringComparison.Ordinal) || k.StartsWith("INPUT_", StringComparison.Ordinal) || k.StartsWith("CODEGEN_", StringComparison.Ordinal)).ToList())
        {
            start.Environment.Remove(name);
        }

        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        return (process.ExitCode, await stdout + await stderr);
    }

    private static string Edit() =>
        "I add Subtract next to Add.\n\nsrc/Calculator.cs\n```csharp\n<<<<<<< SEARCH\n    public int Add(int a, int b) => a + b;\n=======\n" +
        "    public int Add(int a, int b) => a + b;\n    public int Subtract(int a, int b) => a - b;\n>>>>>>> REPLACE\n```\n";
}
