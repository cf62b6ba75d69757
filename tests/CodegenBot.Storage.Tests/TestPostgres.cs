using Npgsql;

namespace CodegenBot.Storage.Tests;

/// <summary>
/// The PostgreSQL server of the tests: its connection string comes from CODEGEN_TEST_POSTGRES (.ci/run starts a
/// server on loopback and sets it; locally: <c>export CODEGEN_TEST_POSTGRES="$(scripts/postgres-test-server.sh)"</c>).
/// Without it the PostgreSQL tests skip, except in CI (CI=true), where they fail: they must run there.
/// Each test gets a database of its own, dropped afterwards.
/// </summary>
internal static class TestPostgres
{
    public const string Variable = "CODEGEN_TEST_POSTGRES";

    public static string Require()
    {
        var value = Environment.GetEnvironmentVariable(Variable);
        if (!string.IsNullOrWhiteSpace(value))
        {
            return value;
        }

        if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
        {
            Assert.Fail($"{Variable} is not set; in CI the PostgreSQL tests must run (.ci/run starts the server and sets it).");
        }

        Assert.Skip($"{Variable} is not set; run scripts/postgres-test-server.sh to start a server on loopback.");
        return "";
    }

    /// <summary>Creates an empty database and returns its name and connection string.</summary>
    public static async Task<(string Name, string ConnectionString)> CreateDatabaseAsync()
    {
        var admin = Require();
        var name = $"codegen_test_{Guid.NewGuid():N}";
        await using (var connection = new NpgsqlConnection(admin))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            await command.ExecuteNonQueryAsync();
        }

        return (name, new NpgsqlConnectionStringBuilder(admin) { Database = name, Pooling = true }.ConnectionString);
    }

    public static async Task DropDatabaseAsync(string name)
    {
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(Require());
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS {name} WITH (FORCE)", connection);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>Lets clients connect to the database, or refuses them (as a server that is down would).</summary>
    public static async Task SetConnectionsAllowedAsync(string name, bool allowed)
    {
        await using var connection = new NpgsqlConnection(Require());
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"ALTER DATABASE {name} ALLOW_CONNECTIONS {(allowed ? "true" : "false")}", connection);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>Ends every other connection to the database, as a server restart or a network cut would.</summary>
    public static async Task TerminateConnectionsAsync(string name)
    {
        await using var connection = new NpgsqlConnection(Require());
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT COUNT(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE datname = @name AND pid <> pg_backend_pid()", connection);
        command.Parameters.AddWithValue("name", name);
        await command.ExecuteScalarAsync();
    }
}
