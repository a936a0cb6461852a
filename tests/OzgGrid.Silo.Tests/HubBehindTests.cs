using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using OzgGrid.Grains.Abstractions.Monitoring;
using OzgGrid.Protos.V1;
using OzgGrid.Silo.Tests.Hosting;
using DomainBatch = OzgGrid.Grains.Abstractions.Monitoring.ChangeBatch;

namespace OzgGrid.Silo.Tests;

/// <summary>A silo's hub that misses batches (e.g. while the cluster changes) must not leave its streams silently behind.</summary>
public sealed class HubBehindTests
{
    [Fact]
    public async Task A_stream_whose_hub_missed_a_change_notices_at_its_next_heartbeat_and_starts_over_from_a_snapshot()
    {
        // Heartbeats every second; the real hub does not register again during the test.
        await using var host = await TestHost.StartAsync(ClusterScope.CreateNew(),
            "--OzgGrid:Monitoring:HeartbeatInterval=00:00:01", "--OzgGrid:Monitoring:HubRefreshInterval=00:10:00");
        var ozgId = KnownData.ElterngeldOzgId;
        await using var watcher = StreamWatcher.Open(new MonitoringService.MonitoringServiceClient(host.Channel), new WatchProgrammeRequest { OzgIds = { ozgId } });
        await watcher.ReadSnapshotAsync();

        // Another hub takes this silo's place at the aggregator, so the silo's own hub hears nothing of what follows.
        var grains = host.Services.GetRequiredService<IGrainFactory>();
        var deaf = new RecordingHub();
        var siloName = host.Services.GetRequiredService<ILocalSiloDetails>().SiloAddress.ToString();
        await grains.GetGrain<IProgrammeAggregatorGrain>(IProgrammeAggregatorGrain.Key)
            .RegisterHubAsync(siloName, grains.CreateObjectReference<IMonitoringHub>(deaf));
        var written = await new LeistungService.LeistungServiceClient(host.Channel).UpdateLeistungStatusAsync(
            new UpdateLeistungStatusRequest { OzgId = ozgId, RequestId = Guid.NewGuid().ToString(), Reifegrad = 3 });

        var resync = (await watcher.ReadUntilAsync(m => m.Snapshot is not null, "a snapshot after the missed change"))[^1].Snapshot;

        Assert.Contains(deaf.Batches, batch => batch.Changes.Any(c => c.Change.Leistung.OzgId == ozgId));
        Assert.Equal(SnapshotReason.Resync, resync.Reason);
        Assert.Equal(written.Version, Assert.Single(resync.Leistungen).Version);
    }

    private sealed class RecordingHub : IMonitoringHub
    {
        public ConcurrentQueue<DomainBatch> Batches { get; } = new();

        public Task OnChangesAsync(DomainBatch batch)
        {
            Batches.Enqueue(batch);
            return Task.CompletedTask;
        }
    }
}
