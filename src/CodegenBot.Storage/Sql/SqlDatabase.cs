using System.Data.Common;
using System.Globalization;
using CodegenBot.Core.Storage;
using Polly;
using Polly.Retry;

namespace CodegenBot.Storage.Sql;

/// <summary>
/// One database behind the store: opens connections (pooled by the provider), runs each operation under a retry
/// for transient faults (a connection lost mid-run, a server restarting), and turns a fault that outlives the
/// retries into a <see cref="StoreUnavailableException"/> saying what to do. The SQL is shared between SQLite and
/// PostgreSQL; <see cref="Types"/> fills in the few type names that differ.
/// </summary>
internal abstract class SqlDatabase : IAsyncDisposable
{
    private readonly ResiliencePipeline _retry;

    protected SqlDatabase(int maxRetries, TimeSpan commandTimeout, TimeProvider time)
    {
        CommandTimeout = commandTimeout;
        var builder = new ResiliencePipelineBuilder { TimeProvider = time };
        if (maxRetries > 0)
        {
            builder.AddRetry(new RetryStrategyOptions
            {
                MaxRetryAttempts = maxRetries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = RetryDelay,
                ShouldHandle = new PredicateBuilder().Handle<Exception>(IsTransient),
            });
        }

        _retry = builder.Build();
    }

    /// <summary>First wait before retrying a transient fault; doubled (with jitter) on each further retry.</summary>
    public static readonly TimeSpan RetryDelay = TimeSpan.FromMilliseconds(250);

    /// <summary>What and where, for logs; never a password.</summary>
    public abstract string Description { get; }

    /// <summary>The dialect's type names.</summary>
    public abstract SqlTypes Types { get; }

    /// <summary>Time one command may take.</summary>
    public TimeSpan CommandTimeout { get; }

    /// <summary>Opens a connection (from the provider's pool).</summary>
    protected abstract ValueTask<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken);

    /// <summary>Whether the fault may go away on its own (worth a retry).</summary>
    protected abstract bool IsTransient(Exception exception);

    /// <summary>The sentence for a fault that outlived the retries: what failed and what to do.</summary>
    protected abstract string Unavailable(Exception exception);

    /// <summary>Takes the lock that serialises migrations between processes, inside <paramref name="transaction"/>.</summary>
    public abstract Task LockForMigrationAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken);

    /// <summary>Runs <paramref name="work"/> on an open connection, retrying transient faults.</summary>
    public async Task<T> RunAsync<T>(Func<DbConnection, CancellationToken, Task<T>> work, CancellationToken cancellationToken)
    {
        try
        {
            return await _retry.ExecuteAsync(
                async token =>
                {
                    await using var connection = await OpenConnectionAsync(token);
                    return await work(connection, token);
                },
                cancellationToken);
        }
        catch (Exception ex) when (ex is DbException or IOException or TimeoutException && !cancellationToken.IsCancellationRequested)
        {
            throw new StoreUnavailableException(Unavailable(ex), ex);
        }
    }

    /// <summary>Runs <paramref name="work"/> on an open connection, retrying transient faults.</summary>
    public Task RunAsync(Func<DbConnection, CancellationToken, Task> work, CancellationToken cancellationToken) =>
        RunAsync<bool>(
            async (connection, token) =>
            {
                await work(connection, token);
                return true;
            },
            cancellationToken);

    /// <summary>A command with named parameters (<c>@name</c> in the SQL, which both providers accept).</summary>
    public DbCommand Command(DbConnection connection, string sql, params (string Name, object? Value)[] parameters) =>
        Command(connection, null, sql, parameters);

    /// <summary>A command inside a transaction.</summary>
    public DbCommand Command(DbConnection connection, DbTransaction? transaction, string sql, params (string Name, object? Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.CommandTimeout = (int)Math.Ceiling(CommandTimeout.TotalSeconds);
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value ?? DBNull.Value;
            command.Parameters.Add(parameter);
        }

        return command;
    }

    /// <summary>Runs a statement; returns the rows it changed.</summary>
    public async Task<int> ExecuteAsync(DbConnection connection, DbTransaction? transaction, string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        await using var command = Command(connection, transaction, sql, parameters);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Reads every row of a query through <paramref name="read"/>.</summary>
    public async Task<List<T>> QueryAsync<T>(DbConnection connection, string sql, Func<DbDataReader, T> read, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        await using var command = Command(connection, sql, parameters);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var rows = new List<T>();
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(read(reader));
        }

        return rows;
    }

    /// <summary>An integer column, whatever width the provider returns it in.</summary>
    public static long Long(DbDataReader reader, int ordinal) => Convert.ToInt64(reader.GetValue(ordinal), CultureInfo.InvariantCulture);

    /// <summary>A nullable floating-point column.</summary>
    public static double? NullableDouble(DbDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : Convert.ToDouble(reader.GetValue(ordinal), CultureInfo.InvariantCulture);

    /// <summary>A time stored as Unix milliseconds.</summary>
    public static DateTimeOffset Time(DbDataReader reader, int ordinal) => DateTimeOffset.FromUnixTimeMilliseconds(Long(reader, ordinal));

    /// <summary>A time as stored: Unix milliseconds.</summary>
    public static long Stored(DateTimeOffset time) => time.ToUnixTimeMilliseconds();

    public abstract ValueTask DisposeAsync();
}

/// <summary>The type names that differ between dialects, filled into the migrations' <c>{TOKENS}</c>.</summary>
/// <param name="Integer">A 64-bit integer.</param>
/// <param name="Real">A double.</param>
/// <param name="Blob">Bytes.</param>
/// <param name="Identity">An auto-incremented 64-bit primary key column definition.</param>
internal sealed record SqlTypes(string Integer, string Real, string Blob, string Identity)
{
    public static readonly SqlTypes Sqlite = new("INTEGER", "REAL", "BLOB", "INTEGER PRIMARY KEY AUTOINCREMENT");

    public static readonly SqlTypes Postgres = new("BIGINT", "DOUBLE PRECISION", "BYTEA", "BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY");

    /// <summary>The statement with its type tokens replaced.</summary>
    public string Fill(string sql) => sql
        .Replace("{INTEGER}", Integer, StringComparison.Ordinal)
        .Replace("{REAL}", Real, StringComparison.Ordinal)
        .Replace("{BLOB}", Blob, StringComparison.Ordinal)
        .Replace("{IDENTITY}", Identity, StringComparison.Ordinal);
}
