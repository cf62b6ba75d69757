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

    /// <summary>
    /// Runs the published executable when the test run names one, else this build's through <c>dotnet</c>; either way
    /// with a clean environment (no model variables leak in from the machine running the tests) and the runs' store
    /// away from the user's own (~/.local/state/codegenbot).
    /// </summary>
    private static Task<(int ExitCode, string Out, string Error)> RunProcessAsync(string workingDirectory, params string[] args)
    {
        var environment = new Dictionary<string, string?>(StringComparer.Ordinal) { ["XDG_STATE_HOME"] = CliRunner.StateHome };
        return PublishedCli.Path is { } published
            ? PublishedCli.RunAsync(published, workingDirectory, environment, args, TestContext.Current.CancellationToken)
            : PublishedCli.RunAsync("dotnet", workingDirectory, environment, [Path.Combine(AppContext.BaseDirectory, "codegen.dll"), .. args], TestContext.Current.CancellationToken);
    }
}
