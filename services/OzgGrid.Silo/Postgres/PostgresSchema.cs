using System.Reflection;
using Npgsql;

namespace OzgGrid.Silo.Postgres;

/// <summary>
/// OzgGrid's schema in PostgreSQL (deploy/postgres/*.sql, shipped inside the silo): applied once, in one transaction,
/// to a database that has none; left alone when it is at <see cref="Version"/>; refused when it is newer.
/// </summary>
public static class PostgresSchema
{
    /// <summary>The schema this build writes and reads; raise it (and add a migration) when deploy/postgres changes.</summary>
    public const int Version = 1;

    /// <summary>
    /// Serialises silos that start at the same moment on an empty database: the first creates the schema, the others
    /// wait for its transaction and then find it (a transaction-scoped advisory lock, released on commit).
    /// </summary>
    private const long InitLock = 0x4f5a_4747_7269_6401;

    /// <summary>Creates the schema if the database has none; returns the version found before (0: none).</summary>
    public static async Task<int> EnsureAsync(string connectionString, CancellationToken cancellationToken = default)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await ExecuteAsync(connection, $"SELECT pg_advisory_xact_lock({InitLock})", cancellationToken);

        var found = await InstalledVersionAsync(connection, cancellationToken);
        if (found > Version)
        {
            throw new InvalidOperationException(
                $"The PostgreSQL database holds OzgGrid schema version {found}, newer than this OzgGrid's ({Version}): it was written by a " +
                "later release. Run that release (or a newer one), or restore the database from a backup taken before the upgrade.");
        }

        if (found == 0)
        {
            if (await ExistsAsync(connection, "orleansquery", cancellationToken))
            {
                throw new InvalidOperationException(
                    "The PostgreSQL database has Orleans tables (OrleansQuery) but no OzgGrid schema version: they were not created by " +
                    "OzgGrid, and OzgGrid will not change them. Use an empty database (or schema) for OzgGrid.");
            }

            foreach (var script in Scripts())
            {
                await ExecuteAsync(connection, script, cancellationToken);
            }

            await ExecuteAsync(connection, $"INSERT INTO OzgGridSchemaVersion (Version) VALUES ({Version})", cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return found;
    }

    /// <summary>The scripts in the order they run (their names begin with 1-, 2-, …).</summary>
    public static IEnumerable<string> Scripts()
    {
        var assembly = typeof(PostgresSchema).Assembly;
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith("postgres/", StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            using var reader = new StreamReader(assembly.GetManifestResourceStream(name) ?? throw new InvalidOperationException($"Resource {name} is missing."));
            yield return reader.ReadToEnd();
        }
    }

    private static async Task<int> InstalledVersionAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        if (!await ExistsAsync(connection, "ozggridschemaversion", cancellationToken))
        {
            return 0;
        }

        await using var command = new NpgsqlCommand("SELECT coalesce(max(Version), 0) FROM OzgGridSchemaVersion", connection);
        return Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Whether a table of that (lower-case) name is on the connection's search path.</summary>
    private static async Task<bool> ExistsAsync(NpgsqlConnection connection, string table, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("SELECT to_regclass(@table) IS NOT NULL", connection);
        command.Parameters.AddWithValue("table", table);
        return (bool)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
