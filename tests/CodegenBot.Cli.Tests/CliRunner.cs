using CodegenBot.Cli;
using CodegenBot.Testing;

namespace CodegenBot.Cli.Tests;

/// <summary>
/// Runs the CLI in-process with its own environment and captured output; or the published executable, when the test
/// run names one (<see cref="PublishedCli"/>).
/// </summary>
internal static class CliRunner
{
    /// <summary>Where the runs of this test process keep their store, unless a test names its own: never the user's.</summary>
    public static string StateHome { get; } = Directory.CreateTempSubdirectory("codegen-cli-tests-state-").FullName;

    public static async Task<(int ExitCode, string Out, string Error)> RunAsync(string workingDirectory, IReadOnlyDictionary<string, string?> environment, params string[] args)
    {
        if (!environment.ContainsKey("XDG_STATE_HOME"))
        {
            environment = new Dictionary<string, string?>(environment, StringComparer.Ordinal) { ["XDG_STATE_HOME"] = StateHome };
        }

        if (PublishedCli.Path is { } published)
        {
            return await PublishedCli.RunAsync(published, workingDirectory, environment, args, TestContext.Current.CancellationToken);
        }

        using var output = new StringWriter();
        using var error = new StringWriter();
        var context = new CliContext
        {
            Out = output,
            Error = error,
            Environment = environment,
            CurrentDirectory = workingDirectory,
            Random = () => 0.5,
        };

        var exitCode = await CodegenCli.RunAsync(args, context, TestContext.Current.CancellationToken);
        return (exitCode, output.ToString(), error.ToString());
    }
}
