using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using OzgGrid.Grains.Catalog;
using OzgGrid.Grains.Changes;
using OzgGrid.Grains.Cluster;
using OzgGrid.Grains.Kommunen;
using OzgGrid.Grains.Monitoring;
using OzgGrid.Grains.Onlinedienste;
using OzgGrid.Grains.ProgrammeManagement;
using OzgGrid.Grains.Reconciliation;
using OzgGrid.Grains.Records;
using OzgGrid.Grains.Reifegradmodelle;

namespace OzgGrid.Grains;

/// <summary>The services the grains need in every silo, next to the storage providers the host chooses.</summary>
public static class GrainServicesRegistration
{
    public static IServiceCollection AddOzgGridGrainServices(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(provider => new ProgrammeClock(provider.GetRequiredService<TimeProvider>()));
        services.AddSingleton<VersionedRecords>();
        services.AddSingleton<DeferredRetries>();
        services.TryAddSingleton(provider => new RecordWriteMetrics(provider.GetService<IMeterFactory>()));
        services.AddSingleton<CatalogImporter>();
        services.AddSingleton<LeikaKeys>();
        services.TryAddSingleton(_ => ReifegradCsvReader.ReadDirectory(ReifegradCsvReader.ShippedDirectory));
        services.AddSingleton<KommunenImporter>();
        services.AddSingleton<MonitoringHub>();
        services.AddHostedService<MonitoringHubRegistration>();
        services.AddSingleton<ChangeBatcher>();
        services.AddHostedService(provider => provider.GetRequiredService<ChangeBatcher>());
        services.TryAddSingleton(provider => new ReconciliationMetrics(provider.GetService<IMeterFactory>()));
        services.AddSingleton<LocalActivationCounts>();
        services.AddSingleton<SiloActivationsClient>();
        services.AddGrainService<SiloActivationsService>();
        return services;
    }
}
