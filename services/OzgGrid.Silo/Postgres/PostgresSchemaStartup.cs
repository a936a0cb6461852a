namespace OzgGrid.Silo.Postgres;

/// <summary>
/// Creates OzgGrid's schema when a silo first starts on an empty database. Registered before the Orleans silo, so it
/// has run before clustering, grain storage or reminders read their queries.
/// </summary>
public sealed class PostgresSchemaStartup(string connectionString, ILogger<PostgresSchemaStartup> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var found = await PostgresSchema.EnsureAsync(connectionString, cancellationToken);
        if (found == 0)
        {
            logger.LogInformation("Created OzgGrid's PostgreSQL schema (version {Version}).", PostgresSchema.Version);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
