using Azure.Data.Tables;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using OzgGrid.Silo.Catalog;
using OzgGrid.Silo.HealthChecks;
using OzgGrid.Silo.Postgres;

namespace OzgGrid.Silo.Hosting;

/// <summary>
/// Health checks: /healthz/live (the process answers) and /healthz/ready (catalogue loaded, storage reachable, silo
/// active) on the operations endpoint, anonymous, as plain text. The gRPC health service reports all of them.
/// </summary>
public static class HealthRegistration
{
    public const string LivePath = "/healthz/live";
    public const string ReadyPath = "/healthz/ready";

    /// <summary>Short: a probe must learn of a stalled silo or storage well within its own timeout.</summary>
    private static readonly TimeSpan CheckTimeout = TimeSpan.FromSeconds(3);

    public static WebApplicationBuilder AddOzgGridHealthChecks(this WebApplicationBuilder builder)
    {
        var checks = builder.Services.AddHealthChecks()
            .AddCheck("process", () => HealthCheckResult.Healthy(), [HealthTags.Live])
            .AddCheck<SiloActiveHealthCheck>("silo", failureStatus: null, [HealthTags.Ready], CheckTimeout)
            .AddCheck<CatalogHealthCheck>("catalog", failureStatus: null, [HealthTags.Ready], CheckTimeout);

        var storage = builder.Configuration.GetSection(StorageOptions.Section).Get<StorageOptions>() ?? new();
        if (storage.Provider == StorageProvider.AzureStorage)
        {
            var options = new TableClientOptions();
            options.Retry.MaxRetries = 0;
            options.Retry.NetworkTimeout = CheckTimeout;
            var table = new TableClient(storage.ConnectionString, storage.TableName, options);
            checks.AddCheck("storage", new StorageHealthCheck(table), failureStatus: null, [HealthTags.Ready], CheckTimeout);
        }
        else if (storage.Provider == StorageProvider.Postgres)
        {
            checks.AddCheck("storage", new PostgresHealthCheck(PostgresConnectionDefaults.Apply(storage.PostgresConnectionString)),
                failureStatus: null, [HealthTags.Ready], CheckTimeout);
        }

        return builder;
    }

    public static WebApplication MapOzgGridHealthChecks(this WebApplication app)
    {
        app.MapHealthChecks(LivePath, new HealthCheckOptions { Predicate = check => check.Tags.Contains(HealthTags.Live) })
            .AllowAnonymous()
            .WithMetadata(OperationsListenerOnly.Instance);
        app.MapHealthChecks(ReadyPath, new HealthCheckOptions { Predicate = check => check.Tags.Contains(HealthTags.Ready) })
            .AllowAnonymous()
            .WithMetadata(OperationsListenerOnly.Instance);
        return app;
    }
}
