using System.Data.Common;
using CodegenBot.Core.Storage;

namespace CodegenBot.Storage.Sql;

/// <summary>
/// Applies the migrations a database lacks, at start. Idempotent, and safe when two processes start together:
/// each takes the database's migration lock (SQLite: a write transaction; PostgreSQL: a transaction-scoped
/// advisory lock) before reading the applied version, so the second waits and then finds nothing to do.
/// </summary>
internal static class Migrator
{
    private const string CreateVersions =
        "CREATE TABLE IF NOT EXISTS schema_migrations (version {INTEGER} PRIMARY KEY, name TEXT NOT NULL, applied_at {INTEGER} NOT NULL)";

    /// <summary>Brings the schema to the latest version; returns the versions applied now.</summary>
    public static Task<IReadOnlyList<int>> MigrateAsync(SqlDatabase database, IReadOnlyList<Migration> migrations, DateTimeOffset now, CancellationToken cancellationToken) =>
        database.RunAsync<IReadOnlyList<int>>(
            async (connection, token) =>
            {
                var applied = new List<int>();
                var latest = migrations[^1].Version;
                foreach (var migration in migrations)
                {
                    await using var transaction = await connection.BeginTransactionAsync(token);
                    await database.LockForMigrationAsync(connection, transaction, token);
                    await database.ExecuteAsync(connection, transaction, database.Types.Fill(CreateVersions), token);
                    var current = await CurrentVersionAsync(database, connection, transaction, token);
                    if (current > latest)
                    {
                        throw new StoreUnavailableException(
                            $"The {database.Description} has schema version {current}, newer than this CodegenBot knows ({latest}); upgrade CodegenBot or point it at another database.");
                    }

                    if (migration.Version <= current)
                    {
                        await transaction.RollbackAsync(token);
                        continue;
                    }

                    foreach (var statement in migration.Statements)
                    {
                        await database.ExecuteAsync(connection, transaction, database.Types.Fill(statement), token);
                    }

                    await database.ExecuteAsync(
                        connection, transaction, "INSERT INTO schema_migrations (version, name, applied_at) VALUES (@version, @name, @at)", token,
                        ("@version", migration.Version), ("@name", migration.Name), ("@at", SqlDatabase.Stored(now)));
                    await transaction.CommitAsync(token);
                    applied.Add(migration.Version);
                }

                return applied;
            },
            cancellationToken);

    /// <summary>The highest applied version, or 0.</summary>
    public static async Task<int> CurrentVersionAsync(SqlDatabase database, DbConnection connection, DbTransaction? transaction, CancellationToken cancellationToken)
    {
        await using var command = database.Command(connection, transaction, "SELECT COALESCE(MAX(version), 0) FROM schema_migrations");
        return Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
    }
}
