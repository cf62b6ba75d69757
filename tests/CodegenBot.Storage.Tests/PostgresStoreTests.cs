using System.Net;
using System.Net.Sockets;
using CodegenBot.Core.Configuration;
using CodegenBot.Core.Storage;
using CodegenBot.Testing;

namespace CodegenBot.Storage.Tests;

/// <summary>The contract on a real PostgreSQL server (see <see cref="TestPostgres"/>), and its faults.</summary>
public sealed class PostgresStoreTests : StoreContractTests
{
    private const string Variable = "CODEGEN_POSTGRES_CONNECTION_STRING";
    private string? _database;

    protected override async Task<(StorageOptions Options, Dictionary<string, string?> Environment)> PrepareAsync()
    {
        var (name, connectionString) = await TestPostgres.CreateDatabaseAsync();
        _database = name;

        // provider: auto picks PostgreSQL because the variable holds a connection string.
        return (new StorageOptions(), new Dictionary<string, string?> { [Variable] = connectionString });
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (_database is not null)
        {
            await TestPostgres.DropDatabaseAsync(_database);
        }
    }

    [Fact]
    public async Task Operation_AfterTheServerDroppedEveryConnection_IsRetriedOnANewConnection()
    {
        var store = await OpenAsync();
        await store.Audit.AppendAsync(new AuditEntry { At = Time.GetUtcNow(), Repository = "octo/app", Action = "github.request" }, TestContext.Current.CancellationToken);

        await TestPostgres.TerminateConnectionsAsync(_database!);
        var at = Time.GetUtcNow();
        await Time.RunAsync(async () =>
        {
            await store.Audit.AppendAsync(new AuditEntry { At = at, Repository = "octo/app", Action = "git.push" }, TestContext.Current.CancellationToken);
            return true;
        });

        Assert.Equal(2, (await store.Audit.QueryAsync(at.AddDays(-1), null, null, 10, TestContext.Current.CancellationToken)).Count);
    }

    [Fact]
    public async Task Journal_ServerGoneMidRun_RetriesThenWarnsAndLeavesTheTaskResumable()
    {
        var store = await OpenAsync();
        var logger = new ListLogger<RunJournal>();
        var journal = new RunJournal(store, new CodegenOptions { Storage = new StorageOptions { MaxRetries = 1 } }, Time, logger);
        var request = new Core.Requests.GenerationRequest { RepositoryPath = "/repo", Task = "Add a Subtract method" };
        await journal.BeginAsync(request, new TaskIdentity("octo/app#7", "octo/app", "alice"), TestContext.Current.CancellationToken);

        await TestPostgres.SetConnectionsAllowedAsync(_database!, allowed: false);
        await TestPostgres.TerminateConnectionsAsync(_database!);
        await Time.RunAsync(async () =>
        {
            await journal.AbortAsync(new InvalidOperationException("boom"), TestContext.Current.CancellationToken);
            return true;
        });
        await TestPostgres.SetConnectionsAllowedAsync(_database!, allowed: true);

        var warning = Assert.Single(logger.Entries, e => e.Level == Microsoft.Extensions.Logging.LogLevel.Warning);
        Assert.Contains("task octo/app#7", warning.Message, StringComparison.Ordinal);
        Assert.Contains("stays resumable", warning.Message, StringComparison.Ordinal);
        var resumable = Assert.Single(await store.Tasks.ResumableAsync(Time.GetUtcNow().AddSeconds(1), TestContext.Current.CancellationToken));
        Assert.Equal(("octo/app#7", TaskState.Running), (resumable.Id, resumable.State));
        Assert.Contains("Add a Subtract method", resumable.Checkpoint, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Open_WrongPassword_SaysCredentialsWithoutShowingThem()
    {
        var (name, connectionString) = await TestPostgres.CreateDatabaseAsync();
        _database = name;
        var wrong = new Npgsql.NpgsqlConnectionStringBuilder(connectionString) { Password = "not-the-password-s3cret" }.ConnectionString;

        var error = await Assert.ThrowsAsync<StoreUnavailableException>(() =>
            new CodegenStoreFactory(Logger, Time).OpenAsync(new StorageOptions(), new Dictionary<string, string?> { [Variable] = wrong }, TestContext.Current.CancellationToken));

        Assert.Contains("refused the credentials in CODEGEN_POSTGRES_CONNECTION_STRING", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cret", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Open_DatabaseMissing_SaysToCreateIt()
    {
        var connectionString = new Npgsql.NpgsqlConnectionStringBuilder(TestPostgres.Require()) { Database = "codegen_no_such_database" }.ConnectionString;

        var error = await Assert.ThrowsAsync<StoreUnavailableException>(() =>
            new CodegenStoreFactory(Logger, Time).OpenAsync(new StorageOptions(), new Dictionary<string, string?> { [Variable] = connectionString }, TestContext.Current.CancellationToken));

        Assert.Contains("does not exist", error.Message, StringComparison.Ordinal);
    }
}

/// <summary>PostgreSQL faults that need no server.</summary>
public sealed class PostgresUnavailableTests
{
    [Fact]
    public async Task Open_ServerDown_RetriesThenSaysWhatToDo_WithoutThePassword()
    {
        int port;
        using (var listener = new TcpListener(IPAddress.Loopback, 0))
        {
            listener.Start();
            port = ((IPEndPoint)listener.LocalEndpoint).Port;
        }

        var environment = new Dictionary<string, string?> { ["CODEGEN_POSTGRES_CONNECTION_STRING"] = $"Host=127.0.0.1;Port={port};Database=codegen;Username=bot;Password=hunter2-secret;Timeout=2" };
        var options = new StorageOptions { MaxRetries = 1 };

        var error = await Assert.ThrowsAsync<StoreUnavailableException>(() =>
            new CodegenStoreFactory(new Testing.ListLogger<CodegenStoreFactory>(), TimeProvider.System).OpenAsync(options, environment, TestContext.Current.CancellationToken));

        Assert.StartsWith($"Cannot reach the PostgreSQL database codegen on 127.0.0.1:{port}", error.Message, StringComparison.Ordinal);
        Assert.Contains("start the server or correct CODEGEN_POSTGRES_CONNECTION_STRING", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Open_PostgresNamedButVariableEmpty_SaysWhichVariable()
    {
        var error = await Assert.ThrowsAsync<StoreUnavailableException>(() =>
            new CodegenStoreFactory(new Testing.ListLogger<CodegenStoreFactory>(), TimeProvider.System).OpenAsync(
                new StorageOptions { Provider = StorageProvider.Postgresql, PostgresConnectionStringEnv = "MY_PG" }, new Dictionary<string, string?>(), TestContext.Current.CancellationToken));

        Assert.Contains("MY_PG is empty", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Hostt=x;;=")]
    [InlineData("postgresql://bot:S3CRET-pw@db:5432/codegen?sslmode=require")]
    public void ConnectionString_Unreadable_SaysHowToWriteIt_WithoutRepeatingIt(string connectionString)
    {
        var error = Assert.Throws<StoreUnavailableException>(() => new Sql.PostgresDatabase(connectionString, "PG", 0, TimeSpan.FromSeconds(1), TimeProvider.System));

        Assert.StartsWith("The PostgreSQL connection string in PG cannot be read: it must be Key=Value pairs", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cret", error.Message, StringComparison.OrdinalIgnoreCase);
    }
}
