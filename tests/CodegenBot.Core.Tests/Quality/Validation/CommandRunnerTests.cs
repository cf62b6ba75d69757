using CodegenBot.Core.Quality.Validation;
using Microsoft.Extensions.Time.Testing;

namespace CodegenBot.Core.Tests.Quality.Validation;

/// <summary>Real processes (sh), so the runner's process handling is what is tested.</summary>
public sealed class CommandRunnerTests
{
    private readonly string _folder = Path.GetTempPath();

    [Fact]
    public async Task RunAsync_ExitCodeAndInterleavedOutput()
    {
        var result = await Run(Shell("echo out; echo err >&2; exit 3"));

        Assert.Equal(3, result.ExitCode);
        Assert.False(result.Succeeded);
        Assert.Contains("out", result.Output, StringComparison.Ordinal);
        Assert.Contains("err", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_LongOutput_KeepsHeadAndTailWithinTheCap()
    {
        var result = await Run(Shell("for i in $(seq 1 2000); do echo line-$i; done"), cap: 400);

        Assert.True(result.Truncated);
        Assert.StartsWith("line-1\n", result.Output, StringComparison.Ordinal);
        Assert.EndsWith("line-2000", result.Output, StringComparison.Ordinal);
        Assert.Contains("characters of output left out", result.Output, StringComparison.Ordinal);
        Assert.True(result.Output.Length < 600);
    }

    [Fact]
    public async Task RunAsync_PastTheTimeLimit_KillsTheProcessTree()
    {
        var time = new FakeTimeProvider();
        var running = new CommandRunner(time).RunAsync(Shell("sleep 30 & sleep 30; echo never"), _folder, TimeSpan.FromMinutes(10), 10_000, TestContext.Current.CancellationToken);
        time.Advance(TimeSpan.FromMinutes(11));

        var result = await running;

        Assert.True(result.TimedOut);
        Assert.Null(result.ExitCode);
        Assert.DoesNotContain("never", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_MissingProgram_SaysSo()
    {
        var result = await Run(new ValidationCommand("ghost", ValidationKind.Test, "codegen-no-such-program", []));

        Assert.True(result.NotFound);
        Assert.Equal("codegen-no-such-program is not installed or not on PATH.", result.Output);
    }

    [Fact]
    public async Task RunAsync_SecretVariables_AreNotPassedOn()
    {
        Environment.SetEnvironmentVariable("CODEGEN_TEST_API_KEY", "super-secret-value-123");
        try
        {
            var result = await Run(Shell("echo \"key=${CODEGEN_TEST_API_KEY:-unset} ci=$CI\""));

            Assert.Equal("key=unset ci=true", result.Output);
        }
        finally
        {
            Environment.SetEnvironmentVariable("CODEGEN_TEST_API_KEY", null);
        }
    }

    private Task<CommandResult> Run(ValidationCommand command, int cap = 10_000) =>
        new CommandRunner(TimeProvider.System).RunAsync(command, _folder, TimeSpan.FromMinutes(1), cap, TestContext.Current.CancellationToken);

    private static ValidationCommand Shell(string script) => new("sh", ValidationKind.Test, "sh", ["-c", script]);
}
