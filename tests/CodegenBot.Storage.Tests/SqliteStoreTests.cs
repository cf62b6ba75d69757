using CodegenBot.Core.Configuration;
using CodegenBot.Core.Storage;
using CodegenBot.Storage.Sql;
using Microsoft.Data.Sqlite;

namespace CodegenBot.Storage.Tests;

/// <summary>The contract on an SQLite file, and what only a file can go through.</summary>
public sealed class SqliteStoreTests : StoreContractTests
{
    private readonly string _folder = Directory.CreateTempSubdirectory("codegen-store-").FullName;

    private string DatabasePath => Path.Combine(_folder, "state", "codegen.db");

    protected override Task<(StorageOptions Options, Dictionary<string, string?> Environment)> PrepareAsync() =>
        Task.FromResult((new StorageOptions { SqlitePath = DatabasePath }, new Dictionary<string, string?>()));

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task Open_NewFile_UsesWriteAheadLogging()
    {
        await OpenAsync();

        await using var connection = new SqliteConnection($"Data Source={DatabasePath}");
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode";
        Assert.Equal("wal", await command.ExecuteScalarAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Open_FileThatIsNotADatabase_MovesItAsideKeepsItAndStartsAnew()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(DatabasePath)!);
        var garbage = new byte[8192];
        new Random(7).NextBytes(garbage);
        await File.WriteAllBytesAsync(DatabasePath, garbage, TestContext.Current.CancellationToken);

        var store = await OpenAsync();
        await store.Tasks.UpsertAsync(new TaskRecord { Id = "t", Repository = "r", Mode = "feature", CreatedAt = Time.GetUtcNow(), UpdatedAt = Time.GetUtcNow() }, TestContext.Current.CancellationToken);

        var aside = Assert.Single(Directory.GetFiles(Path.GetDirectoryName(DatabasePath)!, "codegen.db.corrupt-*"));
        Assert.Equal(garbage, await File.ReadAllBytesAsync(aside, TestContext.Current.CancellationToken));
        var warning = Assert.Single(Logger.Entries, e => e.Level == Microsoft.Extensions.Logging.LogLevel.Warning);
        Assert.Contains("is damaged", warning.Message, StringComparison.Ordinal);
        Assert.Contains(aside, warning.Message, StringComparison.Ordinal);
        Assert.NotNull(await store.Tasks.GetAsync("t", TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Open_DatabaseWithDamagedPages_MovesItAside()
    {
        var store = await OpenAsync();
        for (var i = 0; i < 200; i++)
        {
            await store.Audit.AppendAsync(new AuditEntry { At = Time.GetUtcNow(), Repository = "octo/app", Action = "github.request", Target = new string('x', 400) }, TestContext.Current.CancellationToken);
        }

        await store.DisposeAsync();
        SqliteConnection.ClearAllPools();
        await using (var checkpoint = new SqliteConnection($"Data Source={DatabasePath}"))
        {
            await checkpoint.OpenAsync(TestContext.Current.CancellationToken);
            await using var command = checkpoint.CreateCommand();
            command.CommandText = "PRAGMA wal_checkpoint(TRUNCATE); PRAGMA journal_mode = DELETE;";
            await command.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
        }

        SqliteConnection.ClearAllPools();
        await using (var file = new FileStream(DatabasePath, FileMode.Open, FileAccess.Write))
        {
            // Overwrite pages in the middle of the file (after the header page) with noise.
            file.Position = 8192;
            var noise = new byte[16384];
            new Random(3).NextBytes(noise);
            await file.WriteAsync(noise, TestContext.Current.CancellationToken);
        }

        var reopened = await OpenAsync();

        Assert.Single(Directory.GetFiles(Path.GetDirectoryName(DatabasePath)!, "codegen.db.corrupt-*"));
        Assert.Empty(await reopened.Audit.QueryAsync(DateTimeOffset.MinValue.AddYears(1970), null, null, 10, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Open_FolderCannotBeCreated_SaysWhatToDo()
    {
        var blocker = Path.Combine(_folder, "file");
        await File.WriteAllTextAsync(blocker, "", TestContext.Current.CancellationToken);

        var error = await Assert.ThrowsAsync<StoreUnavailableException>(() =>
            new CodegenStoreFactory(Logger, Time).OpenAsync(new StorageOptions { SqlitePath = Path.Combine(blocker, "sub", "codegen.db") }, new Dictionary<string, string?>(), TestContext.Current.CancellationToken));

        Assert.Contains("storage.sqlite_path", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Open_SchemaNewerThanThisVersion_RefusesWithAnUpgradeHint()
    {
        await OpenAsync();
        await using (var connection = new SqliteConnection($"Data Source={DatabasePath}"))
        {
            await connection.OpenAsync(TestContext.Current.CancellationToken);
            await using var command = connection.CreateCommand();
            command.CommandText = "INSERT INTO schema_migrations (version, name, applied_at) VALUES (999, 'from the future', 0)";
            await command.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
        }

        var error = await Assert.ThrowsAsync<StoreUnavailableException>(OpenAsync);

        Assert.Contains("schema version 999", error.Message, StringComparison.Ordinal);
        Assert.Contains("upgrade CodegenBot", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Journal_SecondRunOnALiveTask_DoesNotTakeItOver_AStaleOneIs()
    {
        var store = await OpenAsync();
        var options = new CodegenOptions();
        var request = new Core.Requests.GenerationRequest { RepositoryPath = "/repo", Task = "Add a Subtract method" };
        var identity = new TaskIdentity("octo/app#12", "octo/app");
        var first = new RunJournal(store, options, Time, new Testing.ListLogger<RunJournal>());
        var second = new RunJournal(store, options, Time, new Testing.ListLogger<RunJournal>());
        await first.BeginAsync(request, identity, TestContext.Current.CancellationToken);

        Time.Advance(TimeSpan.FromMinutes(5));
        await second.BeginAsync(request, identity, TestContext.Current.CancellationToken);
        await second.AbortAsync(new InvalidOperationException("second fails"), TestContext.Current.CancellationToken);

        var task = await store.Tasks.GetAsync("octo/app#12", TestContext.Current.CancellationToken);
        Assert.Equal((TaskState.Running, first.RunId), (task!.State, task.Owner));

        Time.Advance(options.Storage.StaleAfter);
        var third = new RunJournal(store, options, Time, new Testing.ListLogger<RunJournal>());
        await third.BeginAsync(request, identity, TestContext.Current.CancellationToken);
        await first.AbortAsync(new InvalidOperationException("the first comes back"), TestContext.Current.CancellationToken);

        task = await store.Tasks.GetAsync("octo/app#12", TestContext.Current.CancellationToken);
        Assert.Equal((TaskState.Running, third.RunId), (task!.State, task.Owner));
        Assert.Equal(
            [TaskState.Running, TaskState.Interrupted, TaskState.Running],
            (await store.Tasks.HistoryAsync("octo/app#12", TestContext.Current.CancellationToken)).Select(t => t.To));
    }

    [Fact]
    public void SqlitePath_Default_FollowsXdgStateHomeThenHome()
    {
        Assert.Equal("/x/state/codegenbot/codegen.db", CodegenStoreFactory.SqlitePath("", new Dictionary<string, string?> { ["XDG_STATE_HOME"] = "/x/state", ["HOME"] = "/home/u" }));
        Assert.Equal("/home/u/.local/state/codegenbot/codegen.db", CodegenStoreFactory.SqlitePath("", new Dictionary<string, string?> { ["HOME"] = "/home/u" }));
        Assert.Equal(Path.GetFullPath("state.db"), CodegenStoreFactory.SqlitePath("state.db", new Dictionary<string, string?>()));
    }

    [Fact]
    public async Task Open_Disabled_ReturnsNoStore()
    {
        Assert.Null(await new CodegenStoreFactory(Logger, Time).OpenAsync(new StorageOptions { Enabled = false }, new Dictionary<string, string?>(), TestContext.Current.CancellationToken));
    }

    [Fact]
    public void CacheCompression_RejectsBytesItDidNotWrite()
    {
        Assert.Null(Core.Context.Caching.CacheCompression.Decompress([1, 2]));
        Assert.Null(Core.Context.Caching.CacheCompression.Decompress([10, 0, 0, 0, 1, 2, 3]));
        Assert.Equal([1, 2, 3], Core.Context.Caching.CacheCompression.Decompress(Core.Context.Caching.CacheCompression.Compress([1, 2, 3])));
    }
}
