using Microsoft.Extensions.DependencyInjection;
using Orleans.Runtime.Hosting;
using Orleans.Serialization;
using Orleans.Storage;
using Orleans.TestingHost;
using OzgGrid.Grains.Abstractions;
using OzgGrid.Grains.Monitoring;
using OzgGrid.Grains.Storage;

namespace OzgGrid.Grains.Tests.Storage;

/// <summary>
/// An in-process cluster configured like an OzgGrid silo with memory storage, whose storages can be made to fail the
/// writes of chosen grains (<see cref="OutageOf"/>). The aggregator does not recount the figures.
/// </summary>
public sealed class OutageClusterFixture : IAsyncLifetime
{
    private InProcessTestCluster? _cluster;

    public IGrainFactory Grains => Cluster.Client;

    /// <summary>The storage of the cluster's silo named <paramref name="storageName"/> (see <see cref="StorageNames"/>).</summary>
    public OutageGrainStorage OutageOf(string storageName) =>
        (OutageGrainStorage)Cluster.GetSiloServiceProvider(null).GetRequiredKeyedService<IGrainStorage>(storageName);

    /// <summary>The reminder table of the cluster's silo, whose registrations can be made to fail.</summary>
    public OutageReminderTable Reminders => Cluster.GetSiloServiceProvider(null).GetRequiredService<OutageReminderTable>();

    /// <summary>A service of the cluster's silo.</summary>
    public T SiloService<T>()
        where T : notnull => Cluster.GetSiloServiceProvider(null).GetRequiredService<T>();

    private InProcessTestCluster Cluster => _cluster ?? throw new InvalidOperationException("The test cluster is not deployed.");

    public async Task InitializeAsync()
    {
        // One silo, so that every grain's storage is the one OutageOf returns.
        var builder = new InProcessTestClusterBuilder(initialSilosCount: 1);
        builder.ConfigureSilo((_, silo) =>
        {
            foreach (var name in new[] { StorageNames.State, StorageNames.History, StorageNames.Aggregates })
            {
                silo.Services.AddGrainStorage(name, (services, storageName) =>
                    new OutageGrainStorage(new LocalMemoryGrainStorage(storageName, services.GetRequiredService<Serializer>())));
            }

            silo.UseInMemoryReminderService();
            var reminders = silo.Services.Last(service => service.ServiceType == typeof(IReminderTable));
            silo.Services.Remove(reminders);
            silo.Services.AddSingleton(services => new OutageReminderTable(reminders.ImplementationFactory is { } create
                ? (IReminderTable)create(services)
                : (IReminderTable)ActivatorUtilities.CreateInstance(services, reminders.ImplementationType!)));
            silo.Services.AddSingleton<IReminderTable>(services => services.GetRequiredService<OutageReminderTable>());
            silo.Services.AddOzgGridGrainServices();

            // No recount of the figures while the tests run: what reaches the monitoring is what the records passed on.
            silo.Services.Configure<MonitoringOptions>(options =>
                (options.FirstReconciliationDelay, options.ReconciliationInterval) = (TimeSpan.FromHours(1), TimeSpan.FromHours(1)));
        });
        _cluster = builder.Build();
        await _cluster.DeployAsync();
    }

    public async Task DisposeAsync()
    {
        if (_cluster is not null)
        {
            await _cluster.DisposeAsync();
        }
    }
}
