using System.Diagnostics;

namespace CodegenBot.Testing;

/// <summary>
/// The published CLI (what the container image ships: precompiled, tiered compilation off), when a test run names it in
/// <c>CODEGEN_TEST_PUBLISHED_CLI</c>. The CLI and end-to-end tests then run that executable as a child process
/// instead of calling the CLI in-process, so trimming or precompilation that breaks a command fails a test. Unset,
/// the tests run in-process as usual.
/// </summary>
public static class PublishedCli
{
    /// <summary>The variable that names the published executable.</summary>
    public const string Variable = "CODEGEN_TEST_PUBLISHED_CLI";

    /// <summary>
    /// What the child process inherits from the test process when the test's environment does not set it: what it
    /// needs to start and to find git and ctags. Not HOME: the in-process run does not see it either (its environment
    /// is the test's alone), so caches and state fall back to the same temporary folders instead of the user's.
    /// </summary>
    private static readonly string[] Inherited = ["PATH", "TMPDIR", "DOTNET_ROOT", "DOTNET_ROOT_X64", "LANG"];

    /// <summary>The published executable to run, or <see langword="null"/> to run in-process.</summary>
    public static string? Path { get; } = Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } path ? System.IO.Path.GetFullPath(path) : null;

    /// <summary>
    /// Runs <paramref name="executable"/> (the published CLI, or <c>dotnet</c> with a build's <c>codegen.dll</c>) with
    /// <paramref name="args"/> in <paramref name="workingDirectory"/>. Its environment is the test's (as the in-process
    /// run sees it) plus the few variables a process needs to start; returns its exit code and what it wrote.
    /// </summary>
    public static async Task<(int ExitCode, string Out, string Error)> RunAsync(
        string executable, string workingDirectory, IReadOnlyDictionary<string, string?> environment, IReadOnlyList<string> args, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(executable)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment.Clear();
        foreach (var name in Inherited)
        {
            if (Environment.GetEnvironmentVariable(name) is { } value)
            {
                start.Environment[name] = value;
            }
        }

        foreach (var (name, value) in environment)
        {
            if (value is null)
            {
                start.Environment.Remove(name);
            }
            else
            {
                start.Environment[name] = value;
            }
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {executable}.");
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        try
        {
            await process.WaitForExitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        return (process.ExitCode, await output, await error);
    }
}
