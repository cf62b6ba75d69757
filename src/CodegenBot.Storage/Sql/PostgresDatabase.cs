using System.Data.Common;
using System.Net.Sockets;
using Npgsql;

namespace CodegenBot.Storage.Sql;

/// <summary>
/// A PostgreSQL database through one <see cref="NpgsqlDataSource"/> (its pool). Connection faults, server
/// restarts and serialization failures are transient and retried; the connection string is never logged.
/// </summary>
internal sealed class PostgresDatabase : SqlDatabase
{
    /// <summary>The advisory lock id that serialises migrations ("CODEGEN" in ASCII).</summary>
    public const long MigrationLockId = 0x434F444547454E;

    /// <summary>Npgsql's connect timeout when the connection string names none, in seconds.</summary>
    private const int NpgsqlDefaultConnectTimeout = 15;

    /// <summary>The connect timeout used instead, in seconds.</summary>
    public const int ConnectTimeoutSeconds = 10;

    private readonly NpgsqlDataSource _source;
    private readonly string _variable;

    public PostgresDatabase(string connectionString, string variable, int maxRetries, TimeSpan commandTimeout, TimeProvider time)
        : base(maxRetries, commandTimeout, time)
    {
        NpgsqlConnectionStringBuilder builder;
        try
        {
            builder = new NpgsqlConnectionStringBuilder(connectionString);
        }
        catch (ArgumentException ex)
        {
            // Never echo the parser's message: it quotes the string, password included (lower-cased, so masking misses it).
            throw new Core.Storage.StoreUnavailableException($"The PostgreSQL connection string in {variable} cannot be read: it must be Key=Value pairs (Host=...;Port=...;Database=...;Username=...;Password=...), not a postgresql:// URL.", ex);
        }

        builder.CommandTimeout = (int)Math.Ceiling(commandTimeout.TotalSeconds);
        if (builder.Timeout == NpgsqlDefaultConnectTimeout)
        {
            // Not set in the string: wait less than Npgsql's default for a server that does not answer, since each
            // retry waits again.
            builder.Timeout = ConnectTimeoutSeconds;
        }

        _variable = variable;
        Description = $"PostgreSQL database {builder.Database ?? builder.Username} on {builder.Host}:{builder.Port}";
        _source = NpgsqlDataSource.Create(builder.ConnectionString);
    }

    public override string Description { get; }

    public override SqlTypes Types => SqlTypes.Postgres;

    protected override async ValueTask<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken) =>
        await _source.OpenConnectionAsync(cancellationToken);

    protected override bool IsTransient(Exception exception) => exception switch
    {
        NpgsqlException { IsTransient: true } => true,
        PostgresException { SqlState: PostgresErrorCodes.SerializationFailure or PostgresErrorCodes.DeadlockDetected or PostgresErrorCodes.AdminShutdown or PostgresErrorCodes.CannotConnectNow } => true,
        NpgsqlException { InnerException: SocketException or IOException or TimeoutException } => true,
        _ => false,
    };

    protected override string Unavailable(Exception exception) => exception switch
    {
        PostgresException { SqlState: PostgresErrorCodes.InvalidPassword or PostgresErrorCodes.InvalidAuthorizationSpecification } =>
            $"The {Description} refused the credentials in {_variable}; check the user name and password.",
        PostgresException { SqlState: PostgresErrorCodes.InvalidCatalogName } =>
            $"The {Description} does not exist; create it (createdb) or correct the database name in {_variable}.",
        PostgresException postgres =>
            $"The {Description} failed an operation ({postgres.SqlState}: {SqliteDatabase.FirstLine(postgres.MessageText)}); check the server's log.",
        _ => $"Cannot reach the {Description} ({SqliteDatabase.FirstLine((exception.InnerException ?? exception).Message)}); start the server or correct {_variable}, or unset it to use SQLite.",
    };

    public override async Task LockForMigrationAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken)
    {
        await using var command = Command(connection, transaction, "SELECT pg_advisory_xact_lock(@id)", ("@id", MigrationLockId));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public override ValueTask DisposeAsync() => _source.DisposeAsync();
}
