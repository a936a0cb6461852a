using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;

namespace OzgGrid.Silo.HealthChecks;

/// <summary>Ready while the database answers: a connection of the providers' pool runs a statement that reads no data.</summary>
public sealed class PostgresHealthCheck(string connectionString) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var database = new NpgsqlConnectionStringBuilder(connectionString);
        try
        {
            await using var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync(cancellationToken);
            await using var probe = new NpgsqlCommand("SELECT 1", connection);
            await probe.ExecuteScalarAsync(cancellationToken);
            return HealthCheckResult.Healthy($"Database {database.Database} at {database.Host}:{database.Port} answers.");
        }
        catch (NpgsqlException exception)
        {
            // The message is enough: a stack trace on every probe of an outage would bury the log.
            return HealthCheckResult.Unhealthy($"Database {database.Database} at {database.Host}:{database.Port} cannot be reached: {exception.Message}");
        }
    }
}
