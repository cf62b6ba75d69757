using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace CodegenBot.Storage.Sql;

/// <summary>
/// An SQLite file: WAL journal (readers do not block the writer), a busy timeout (a second process waits for the
/// lock instead of failing), foreign keys on. SQLite has no transient faults worth a retry beyond its own busy wait.
/// </summary>
internal sealed class SqliteDatabase(string path, TimeSpan commandTimeout, TimeProvider time) : SqlDatabase(maxRetries: 0, commandTimeout, time)
{
    private readonly string _connectionString = new SqliteConnectionStringBuilder
    {
        DataSource = path,
        Mode = SqliteOpenMode.ReadWriteCreate,
        Pooling = true,
        DefaultTimeout = (int)Math.Ceiling(commandTimeout.TotalSeconds),
    }.ToString();

    /// <summary>The file.</summary>
    public string Path { get; } = path;

    public override string Description => $"SQLite database {Path}";

    public override SqlTypes Types => SqlTypes.Sqlite;

    protected override async ValueTask<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            await using var pragma = connection.CreateCommand();
            pragma.CommandText = $"PRAGMA busy_timeout = {(int)CommandTimeout.TotalMilliseconds}; PRAGMA foreign_keys = ON;";
            await pragma.ExecuteNonQueryAsync(cancellationToken);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>Switches the file to WAL (persistent, outside any transaction) and checks it is a sound database.</summary>
    public Task<string> CheckAsync(CancellationToken cancellationToken) =>
        RunAsync(
            async (connection, token) =>
            {
                await using (var wal = Command(connection, "PRAGMA journal_mode = WAL"))
                {
                    await wal.ExecuteScalarAsync(token);
                }

                await using var check = Command(connection, "PRAGMA quick_check");
                return Convert.ToString(await check.ExecuteScalarAsync(token), System.Globalization.CultureInfo.InvariantCulture) ?? "";
            },
            cancellationToken);

    /// <summary>Whether the fault says the file is not a (sound) database: SQLITE_CORRUPT or SQLITE_NOTADB.</summary>
    public static bool IsCorruption(Exception exception) =>
        exception is SqliteException { SqliteErrorCode: SQLitePCL.raw.SQLITE_CORRUPT or SQLitePCL.raw.SQLITE_NOTADB }
        || exception.InnerException is { } inner && IsCorruption(inner);

    /// <summary>Closes the pooled connections to the file, so it can be moved.</summary>
    public static void ReleaseFile() => SqliteConnection.ClearAllPools();

    protected override bool IsTransient(Exception exception) => false;

    protected override string Unavailable(Exception exception) =>
        $"The SQLite database {Path} cannot be used ({FirstLine(exception.Message)}); check that its folder is writable and the disk not full, or set storage.sqlite_path to another file.";

    // A write transaction (BEGIN IMMEDIATE, Microsoft.Data.Sqlite's default) already holds the file's write lock.
    public override Task LockForMigrationAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken) => Task.CompletedTask;

    public override ValueTask DisposeAsync() => ValueTask.CompletedTask;

    internal static string FirstLine(string message) => message.Split('\n', 2)[0].Trim();
}
