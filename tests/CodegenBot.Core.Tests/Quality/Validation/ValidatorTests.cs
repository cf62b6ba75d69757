using CodegenBot.Core.Configuration;
using CodegenBot.Core.Context.Caching;
using CodegenBot.Core.Quality.Validation;
using Microsoft.Extensions.Logging.Abstractions;

namespace CodegenBot.Core.Tests.Quality.Validation;

public sealed class ValidatorTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("codegen-validator-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public async Task BaselineAsync_SameCommitAndCommands_RunsOnceAndReusesTheResult()
    {
        var (validator, commands, cache, runs) = Setup();

        var first = await validator.BaselineAsync(_root, "abc123", commands, cache, DateTimeOffset.UnixEpoch, TestContext.Current.CancellationToken);
        var second = await validator.BaselineAsync(_root, "abc123", commands, cache, DateTimeOffset.UnixEpoch, TestContext.Current.CancellationToken);

        Assert.Single(File.ReadAllLines(runs));
        Assert.Equal(first.Commands.Single().Result.ExitCode, second.Commands.Single().Result.ExitCode);
        Assert.Equal(0, second.Commands.Single().Result.ExitCode);
        Assert.Contains("ran", second.Commands.Single().Result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BaselineAsync_AnotherCommit_RunsAgain()
    {
        var (validator, commands, cache, runs) = Setup();

        await validator.BaselineAsync(_root, "abc123", commands, cache, DateTimeOffset.UnixEpoch, TestContext.Current.CancellationToken);
        await validator.BaselineAsync(_root, "def456", commands, cache, DateTimeOffset.UnixEpoch, TestContext.Current.CancellationToken);

        Assert.Equal(2, File.ReadAllLines(runs).Length);
    }

    [Fact]
    public async Task BaselineAsync_FailureWithoutTestResults_IsNotCached()
    {
        var (validator, _, cache, runs) = Setup();
        var failing = new[] { new ValidationCommand("build", ValidationKind.Build, "sh", ["-c", $"echo ran >> '{runs}'; exit 1"]) };

        await validator.BaselineAsync(_root, "abc123", failing, cache, DateTimeOffset.UnixEpoch, TestContext.Current.CancellationToken);
        await validator.BaselineAsync(_root, "abc123", failing, cache, DateTimeOffset.UnixEpoch, TestContext.Current.CancellationToken);

        Assert.Equal(2, File.ReadAllLines(runs).Length);
    }

    [Fact]
    public async Task BaselineAsync_MissingCommand_IsNotCached()
    {
        var (validator, _, cache, _) = Setup();
        var missing = new[] { new ValidationCommand("ghost", ValidationKind.Test, "no-such-program-codegen", []) };

        var first = await validator.BaselineAsync(_root, "abc123", missing, cache, DateTimeOffset.UnixEpoch, TestContext.Current.CancellationToken);

        Assert.True(first.Commands.Single().Result.NotFound);
        var cached = Path.Combine(_root, "cache");
        Assert.False(Directory.Exists(cached) && Directory.EnumerateFiles(cached, "*", SearchOption.AllDirectories).Any());
    }

    private (Validator Validator, IReadOnlyList<ValidationCommand> Commands, IContextCacheStore Cache, string Runs) Setup()
    {
        var runs = Path.Combine(_root, "runs.txt");
        File.WriteAllText(runs, "");
        var commands = new[] { new ValidationCommand("count", ValidationKind.Test, "sh", ["-c", $"echo ran >> '{runs}'; echo ran; exit 0"]) };
        var cache = new FileContextCacheStore(Path.Combine(_root, "cache"), NullLogger<FileContextCacheStore>.Instance);
        return (new Validator(new CommandRunner(TimeProvider.System), new ValidationOptions()), commands, cache, runs);
    }
}
