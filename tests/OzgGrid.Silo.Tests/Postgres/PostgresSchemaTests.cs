using Npgsql;
using OzgGrid.Silo.Postgres;
using OzgGrid.Silo.Tests.Hosting;

namespace OzgGrid.Silo.Tests.Postgres;

/// <summary>OzgGrid's schema on databases of their own on the test PostgreSQL: created once, kept, a newer one refused.</summary>
public sealed class PostgresSchemaTests
{
    [Fact]
    public async Task The_schema_is_created_on_an_empty_database_and_left_alone_the_next_time()
    {
        var database = await NewDatabaseAsync();

        var first = await PostgresSchema.EnsureAsync(database);
        var second = await PostgresSchema.EnsureAsync(database);

        Assert.Equal(0, first);
        Assert.Equal(PostgresSchema.Version, second);
        Assert.Equal(21, await ScalarAsync<long>(database, "SELECT count(*) FROM OrleansQuery"));
    }

    [Fact]
    public async Task Silos_starting_together_on_an_empty_database_create_the_schema_once()
    {
        var database = await NewDatabaseAsync();

        var found = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => PostgresSchema.EnsureAsync(database)));

        Assert.Single(found, version => version == 0);
        Assert.Equal(1L, await ScalarAsync<long>(database, "SELECT count(*) FROM OzgGridSchemaVersion"));
    }

    [Fact]
    public async Task A_schema_newer_than_this_OzgGrid_is_refused_with_what_to_do()
    {
        var database = await NewDatabaseAsync();
        await PostgresSchema.EnsureAsync(database);
        await ScalarAsync<int>(database, $"INSERT INTO OzgGridSchemaVersion (Version) VALUES ({PostgresSchema.Version + 1}) RETURNING Version");

        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => PostgresSchema.EnsureAsync(database));

        Assert.Contains($"schema version {PostgresSchema.Version + 1}, newer than this OzgGrid's ({PostgresSchema.Version})", refused.Message);
    }

    [Fact]
    public async Task Orleans_tables_that_OzgGrid_did_not_create_are_not_touched()
    {
        var database = await NewDatabaseAsync();
        await ScalarAsync<int>(database, "CREATE TABLE OrleansQuery (QueryKey varchar(64) PRIMARY KEY, QueryText varchar(8000)); SELECT 1");

        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => PostgresSchema.EnsureAsync(database));

        Assert.Contains("not created by OzgGrid", refused.Message);
        Assert.Equal(0L, await ScalarAsync<long>(database, "SELECT count(*) FROM OrleansQuery"));
    }

    /// <summary>A new, empty database on the test server; its connection string.</summary>
    private static async Task<string> NewDatabaseAsync()
    {
        var name = $"ozgtest_{Guid.NewGuid():N}"[..24];
        await ScalarAsync<int>(TestStorage.PostgresConnectionString, $"CREATE DATABASE {name}", nonQuery: true);
        return new NpgsqlConnectionStringBuilder(TestStorage.PostgresConnectionString) { Database = name }.ConnectionString;
    }

    private static async Task<T> ScalarAsync<T>(string connectionString, string sql, bool nonQuery = false)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        if (nonQuery)
        {
            await command.ExecuteNonQueryAsync();
            return default!;
        }

        return (T)(await command.ExecuteScalarAsync())!;
    }
}
