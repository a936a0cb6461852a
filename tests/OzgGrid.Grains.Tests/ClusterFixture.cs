using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Orleans.Serialization;
using OzgGrid.Grains.Storage;
using Orleans.TestingHost;
using OzgGrid.Grains.Abstractions;
using OzgGrid.Grains.Abstractions.Monitoring;
using OzgGrid.Grains.Abstractions.Themenfelder;
using OzgGrid.Grains.Catalog;
using OzgGrid.Grains.Monitoring;
using OzgGrid.Grains.ProgrammeManagement;
using OzgGrid.Grains.Tests.Monitoring;

namespace OzgGrid.Grains.Tests;

/// <summary>
/// An in-process Orleans cluster configured like an OzgGrid silo, with memory storage under the real storage names.
/// Shared by the tests of a collection; each test uses fresh grain keys so that order never matters.
/// </summary>
public sealed class ClusterFixture : IAsyncLifetime
{
    private InProcessTestCluster? _cluster;

    public InProcessTestCluster Cluster => _cluster ?? throw new InvalidOperationException("The test cluster is not deployed.");

    public IGrainFactory Grains => Cluster.Client;

    /// <summary>The programme's clock (milestones, dates), moved by the tests; the cluster's own time runs normally.</summary>
    public FakeTimeProvider ProgrammeTime { get; } = new(DateTimeOffset.UtcNow);

    /// <summary>Loses programme-management events on their way to the aggregator when a test arms it.</summary>
    public CallLoss ProgrammeEventLoss { get; } = new(typeof(IProgrammeAggregatorGrain), nameof(IProgrammeAggregatorGrain.ApplyProgrammeEventsAsync));

    /// <summary>Loses a Leistung's one-way notices to its Themenfeld's index when a test arms it.</summary>
    public CallLoss IndexNoticeLoss { get; } = new(typeof(IThemenfeldGrain), nameof(IThemenfeldGrain.OnLeistungChangedAsync));

    public async Task InitializeAsync()
    {
        var builder = new InProcessTestClusterBuilder();
        builder.ConfigureSilo((_, silo) =>
        {
            // Orleans' binary format, as the silo stores it (the JSON default cannot read immutable collections back).
            foreach (var name in new[] { StorageNames.State, StorageNames.History, StorageNames.Aggregates })
            {
                silo.AddMemoryGrainStorage(name, options => options.Configure<Serializer>((memory, serializer) =>
                    memory.GrainStorageSerializer = new PooledGrainStorageSerializer(serializer)));
            }

            silo.UseInMemoryReminderService();
            silo.AddIncomingGrainCallFilter(ProgrammeEventLoss);
            silo.AddIncomingGrainCallFilter(IndexNoticeLoss);
            silo.Services.AddSingleton(new ProgrammeClock(ProgrammeTime));
            silo.Services.AddOzgGridGrainServices();

            // The aggregator recounts only when a test asks: a periodic recount would heal what a test means to see
            // healed another way (a lost event made up when the next one shows the gap).
            silo.Services.Configure<MonitoringOptions>(options =>
                options.FirstReconciliationDelay = options.ReconciliationInterval = TimeSpan.FromHours(1));
            silo.Services.Configure<CatalogOptions>(options => options.Directory = Path.Combine(AppContext.BaseDirectory, "data", "catalog"));
        });
        _cluster = builder.Build();
        await _cluster.DeployAsync();
    }

    /// <summary>A service of one of the silos, e.g. the <see cref="CatalogImporter"/>.</summary>
    public T GetSiloService<T>()
        where T : notnull =>
        Cluster.GetSiloServiceProvider(null).GetRequiredService<T>();

    public async Task DisposeAsync()
    {
        if (_cluster is not null)
        {
            await _cluster.DisposeAsync();
        }
    }
}
