using System.Globalization;
using CodegenBot.Core.Configuration;
using CodegenBot.Core.Storage;
using CodegenBot.Storage.Sql;
using Microsoft.Extensions.Logging;

namespace CodegenBot.Storage;

/// <summary>
/// Opens the store the configuration names: PostgreSQL when <c>storage.provider</c> says so (or is auto and the
/// connection string variable holds a value), else the SQLite file. Applies pending migrations. A corrupt SQLite
/// file is moved aside (kept, never deleted: it holds learning data) and a new one created, with a warning.
/// </summary>
internal sealed partial class CodegenStoreFactory(ILogger<CodegenStoreFactory> logger, TimeProvider time) : ICodegenStoreFactory
{
    public async Task<ICodegenStore?> OpenAsync(StorageOptions options, IReadOnlyDictionary<string, string?> environment, CancellationToken cancellationToken)
    {
        if (!options.Enabled)
        {
            return null;
        }

        var connectionString = environment.GetValueOrDefault(options.PostgresConnectionStringEnv);
        var provider = options.Provider switch
        {
            StorageProvider.Auto => string.IsNullOrWhiteSpace(connectionString) ? StorageProvider.Sqlite : StorageProvider.Postgresql,
            var named => named,
        };

        SqlDatabase database;
        if (provider == StorageProvider.Postgresql)
        {
            if (string.IsNullOrWhiteSpace(connectionString))
            {
                throw new StoreUnavailableException($"storage.provider is postgresql but {options.PostgresConnectionStringEnv} is empty; set it to the connection string (Host=...;Database=...;Username=...;Password=...).");
            }

            database = new PostgresDatabase(connectionString, options.PostgresConnectionStringEnv, options.MaxRetries, options.CommandTimeout, time);
        }
        else
        {
            database = await OpenSqliteAsync(SqlitePath(options.SqlitePath, environment), options, cancellationToken);
        }

        try
        {
            var applied = await Migrator.MigrateAsync(database, Migrations.All, time.GetUtcNow(), cancellationToken);
            if (applied.Count > 0)
            {
                LogMigrated(logger, database.Description, applied);
            }
        }
        catch
        {
            await database.DisposeAsync();
            throw;
        }

        LogOpened(logger, database.Description);
        var store = new SqlCodegenStore(database, time);
        var now = time.GetUtcNow();
        if (options.Retention > TimeSpan.Zero && options.Retention < now - DateTimeOffset.UnixEpoch)
        {
            try
            {
                var pruned = await store.PruneAsync(now - options.Retention, cancellationToken);
                if (pruned > 0)
                {
                    LogPruned(logger, pruned, options.Retention);
                }
            }
            catch
            {
                await store.DisposeAsync();
                throw;
            }
        }

        return store;
    }

    /// <summary>The configured file, or <c>$XDG_STATE_HOME/codegenbot/codegen.db</c>, else <c>~/.local/state/codegenbot/codegen.db</c>.</summary>
    internal static string SqlitePath(string configured, IReadOnlyDictionary<string, string?> environment)
    {
        if (configured.Length > 0)
        {
            return Path.GetFullPath(configured);
        }

        var stateHome = environment.GetValueOrDefault("XDG_STATE_HOME");
        if (string.IsNullOrEmpty(stateHome))
        {
            var home = environment.GetValueOrDefault("HOME");
            if (string.IsNullOrEmpty(home))
            {
                home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
            }

            stateHome = string.IsNullOrEmpty(home) ? Path.GetTempPath() : Path.Combine(home, ".local", "state");
        }

        return Path.Combine(stateHome, "codegenbot", "codegen.db");
    }

    private async Task<SqliteDatabase> OpenSqliteAsync(string path, StorageOptions options, CancellationToken cancellationToken)
    {
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new StoreUnavailableException($"Cannot create the folder of the SQLite database {path} ({ex.Message}); set storage.sqlite_path to a writable place.", ex);
        }

        var database = new SqliteDatabase(path, options.CommandTimeout, time);
        var problem = await ProblemOfAsync(database, cancellationToken);
        if (problem is null)
        {
            return database;
        }

        // Keep the damaged file (and its journal) beside the new one: it may hold lessons worth recovering by hand.
        // Another process may have found it damaged too: look again first, and never overwrite a file moved aside.
        SqliteDatabase.ReleaseFile();
        if (await ProblemOfAsync(database, cancellationToken) is null)
        {
            return database;
        }

        SqliteDatabase.ReleaseFile();
        var aside = $"{path}.corrupt-{time.GetUtcNow().ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture)}-{Guid.NewGuid().ToString("N")[..8]}";
        foreach (var suffix in (string[])["", "-wal", "-shm"])
        {
            try
            {
                File.Move(path + suffix, aside + suffix, overwrite: false);
            }
            catch (FileNotFoundException)
            {
                // Not there (no journal), or another process moved it a moment ago.
            }
        }

        LogMovedAside(logger, path, problem, aside);
        database = new SqliteDatabase(path, options.CommandTimeout, time);
        await database.CheckAsync(cancellationToken);
        return database;
    }

    /// <summary>What is wrong with the file, or null when it is a sound database.</summary>
    private static async Task<string?> ProblemOfAsync(SqliteDatabase database, CancellationToken cancellationToken)
    {
        try
        {
            var check = await database.CheckAsync(cancellationToken);
            return check == "ok" ? null : check;
        }
        catch (Exception ex) when (SqliteDatabase.IsCorruption(ex))
        {
            return SqliteDatabase.FirstLine((ex.InnerException ?? ex).Message);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The SQLite database {Path} is damaged ({Problem}); it was moved to {Aside} (kept: it may hold lessons worth recovering) and a new, empty database created")]
    private static partial void LogMovedAside(ILogger logger, string path, string problem, string aside);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Applied schema migrations {Versions} to the {Store}")]
    private static partial void LogMigrated(ILogger logger, string store, IReadOnlyList<int> versions);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Deleted {Rows} row(s) older than storage.retention ({Retention})")]
    private static partial void LogPruned(ILogger logger, int rows, TimeSpan retention);

    [LoggerMessage(Level = LogLevel.Debug, Message = "State is kept in the {Store}")]
    private static partial void LogOpened(ILogger logger, string store);
}
