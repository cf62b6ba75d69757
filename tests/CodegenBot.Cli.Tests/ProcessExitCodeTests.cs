using System.Diagnostics;
using CodegenBot.Testing;

namespace CodegenBot.Cli.Tests;

/// <summary>
/// The real executable, as a separate process: exit codes and streams as a shell or the Action sees them (the build's
/// own, or the published one when the test run names it, <see cref="PublishedCli"/>).
/// </summary>
public sealed class ProcessExitCodeTests
{
    [Fact]
    public async Task Codegen_GenerateWithoutModel_ExitsTwoWithOneLineOnStderr()
    {
        using var repo = TempGitRepository.WithFiles(("a.cs", "class A { }\n"));
        var (exitCode, output, error) = await RunProcessAsync(repo.Path, "generate", "--task", "anything");

        Assert.Equal(2, exitCode);
        Assert.Equal("", output);
        Assert.Single(error.Trim().Split('\n'));
        Assert.StartsWith("error: No model is configured", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Codegen_UnknownOption_ExitsTwo()
    {
        var (exitCode, _, error) = await RunProcessAsync(Path.GetTempPath(), "generate", "--bogus");

        Assert.Equal(2, exitCode);
        Assert.Contains("Unrecognized command or argument '--bogus'", error, StringComparison.Ordinal);
        Assert.EndsWith("Run 'codegen generate --help' for usage.\n", error, StringComparison.Ordinal);
    }

    private static async Task<(int ExitCode, string Out, string Error)> RunProcessAsync(string workingDirectory, params string[] args)
    {
        // The published executable when the test run names one (its environment is clean: no model variables).
        if (PublishedCli.Path is { } published)
        {
            var environment = new Dictionary<string, string?>(StringComparer.Ordinal) { ["XDG_STATE_HOME"] = CliRunner.StateHome };
            return await PublishedCli.RunAsync(published, workingDirectory, environment, args, TestContext.Current.CancellationToken);
        }

        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "codegen.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        // The store of these runs, away from the user's own (~/.local/state/codegenbot).
        start.Environment["XDG_STATE_HOME"] = CliRunner.StateHome;

        // A clean environment: no model variables leak in from the machine running the tests.
        foreach (var name in new[] { "GITHUB_TOKEN", "OPENAI_API_KEY" })
        {
            start.Environment.Remove(name);
        }

        foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("CODEGEN_", StringComparison.Ordinal)).ToList())
        {
            start.Environment.Remove(name);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var error = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        return (process.ExitCode, await output, await error);
    }
}
