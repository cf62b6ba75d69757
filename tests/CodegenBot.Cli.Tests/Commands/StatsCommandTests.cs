using CodegenBot.Core.Configuration;
using CodegenBot.Core.Storage;
using CodegenBot.Testing;

namespace CodegenBot.Cli.Tests.Commands;

public sealed class StatsCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("codegen-stats-").FullName;

    private string StatePath => Path.Combine(_folder, "codegen.db");

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    private static DateTimeOffset Now => TimeProvider.System.GetUtcNow();

    private async Task SeedAsync(params RunRecord[] runs)
    {
        await using var store = (await new Storage.CodegenStoreFactory(new ListLogger<Storage.CodegenStoreFactory>(), TimeProvider.System)
            .OpenAsync(new StorageOptions { SqlitePath = StatePath }, new Dictionary<string, string?>(), TestContext.Current.CancellationToken))!;
        foreach (var run in runs)
        {
            await store.Runs.RecordAsync(run, TestContext.Current.CancellationToken);
        }

        await store.Lessons.UpsertAsync(new Core.Learning.Lesson { Id = "octo/app:1", Repository = "octo/app", Key = "k", Text = "Write tests with xunit, not NUnit.", Category = "error", Confirmations = 3, CreatedAt = Now, LastConfirmedAt = Now }, TestContext.Current.CancellationToken);
        await store.Tasks.UpsertAsync(new TaskRecord { Id = "octo/app#9", Repository = "octo/app", Mode = "feature", Title = "Left behind", State = TaskState.Interrupted, CreatedAt = Now, UpdatedAt = Now }, TestContext.Current.CancellationToken);
    }

    private static RunRecord Run(string id, string repository, string outcome, int attempts, double? quality, int lessons, double daysAgo) => new()
    {
        RunId = id, TaskId = $"{repository}#1", Repository = repository, Mode = "feature", Outcome = outcome, StartedAt = Now.AddDays(-daysAgo),
        Duration = TimeSpan.FromSeconds(10 * attempts), Attempts = attempts, QualityScore = quality, InputTokens = 1000, OutputTokens = 100,
        Cost = 0.01, ContextTime = TimeSpan.FromMilliseconds(500), CacheHits = 8, CacheLookups = 10, ModelTime = TimeSpan.FromSeconds(4),
        RetriesByReason = attempts > 1 ? new Dictionary<string, int> { ["quality_threshold"] = attempts - 1 } : new Dictionary<string, int>(),
        LessonsUsed = lessons, Model = "m",
    };

    private Task<(int ExitCode, string Out, string Error)> StatsAsync(params string[] args) =>
        CliRunner.RunAsync(_folder, TestEnvironment.With(("CODEGEN_STORAGE__SQLITE_PATH", StatePath)), ["stats", .. args]);

    [Fact]
    public async Task Stats_ShowsTotalsChartsTrendAndLearningEffectiveness()
    {
        await SeedAsync(
            Run("a", "octo/app", "succeeded", 3, 82, 0, 3),
            Run("b", "octo/app", "succeeded", 1, 91, 2, 2),
            Run("c", "octo/app", "gave_up", 4, 55, 2, 1),
            Run("d", "octo/other", "succeeded", 1, 95, 0, 1),
            Run("old", "octo/app", "succeeded", 1, 95, 0, 60));

        var (exitCode, output, error) = await StatsAsync("--repo", "octo/app");

        Assert.True(exitCode == 0, error);
        Assert.Contains("octo/app, from the SQLite database", output, StringComparison.Ordinal);
        Assert.Matches(@"Runs\s+│\s+3\s", output);
        Assert.Matches(@"Succeeded\s+│\s+2 \(66\.7%\)", output);
        Assert.Matches(@"Context cache hit rate\s+│\s+80%", output);
        Assert.Matches(@"with / without lessons\s+│\s+1\.00 / 3\.00", output);
        Assert.Contains("66.7% fewer attempts with lessons", output, StringComparison.Ordinal);
        Assert.Contains("Final quality score", output, StringComparison.Ordinal);
        Assert.Contains("90-100", output, StringComparison.Ordinal);
        Assert.Contains("quality_threshold", output, StringComparison.Ordinal);
        Assert.Contains("Per day", output, StringComparison.Ordinal);
        Assert.Contains("█", output, StringComparison.Ordinal);
        Assert.Contains("- octo/app#9 (Interrupted", output, StringComparison.Ordinal);
        Assert.Contains("Lessons learnt in this repository: 1", output, StringComparison.Ordinal);
        Assert.Matches(@"0\.83\s+│\s+3\s+│\s+0\s+│\s+error\s+│\s+Write tests with xunit, not NUnit\.", output);
    }

    [Fact]
    public async Task Stats_Json_CarriesTheSameFigures()
    {
        await SeedAsync(Run("a", "octo/app", "succeeded", 2, 80, 0, 1));

        var (exitCode, output, _) = await StatsAsync("--format", "json", "--since", "7d");

        Assert.Equal(0, exitCode);
        using var json = System.Text.Json.JsonDocument.Parse(output);
        var statistics = json.RootElement.GetProperty("statistics");
        Assert.Equal(1, statistics.GetProperty("runs").GetInt32());
        Assert.Equal(1.0, statistics.GetProperty("successRate").GetDouble());
        Assert.Equal("octo/app#9", json.RootElement.GetProperty("resumable")[0].GetString());
    }

    [Fact]
    public async Task Stats_NothingRecorded_SaysHowRunsGetRecorded()
    {
        var (exitCode, output, _) = await StatsAsync("--since", "2026-01-01");

        Assert.Equal(0, exitCode);
        Assert.Contains("No runs recorded in this period", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Stats_BadSince_ExitsTwoWithWhatToGive()
    {
        var (exitCode, _, error) = await StatsAsync("--since", "last tuesday");

        Assert.Equal(2, exitCode);
        Assert.Contains("--since 'last tuesday' is neither a date", error, StringComparison.Ordinal);
    }
}
