using OzgGrid.Protos.V1;
using OzgGrid.Silo.Tests.Hosting;
using OzgGrid.Silo.Tests.Processes;
using Xunit.Abstractions;

namespace OzgGrid.Silo.Tests;

/// <summary>Silos as separate processes forming one cluster through Azure Table membership on one Azurite.</summary>
[Collection(ProcessClusterCollection.Name)]
public sealed class ProcessClusterTests(ProcessClusterFixture cluster, ITestOutputHelper output)
{
    [Fact]
    public async Task Three_silo_processes_form_one_cluster_in_which_a_write_through_one_is_read_through_another()
    {
        var live = cluster.Silos.Where(s => !s.HasExited).ToList();
        using var first = cluster.ChannelTo(live[0]);
        using var last = cluster.ChannelTo(live[^1]);

        var written = await new LeistungService.LeistungServiceClient(first).UpdateLeistungStatusAsync(
            new UpdateLeistungStatusRequest { OzgId = 10400, RequestId = Guid.NewGuid().ToString(), Reifegrad = 3 });
        var read = (await new LeistungService.LeistungServiceClient(last).GetLeistungAsync(new GetLeistungRequest { OzgId = 10400 })).Leistung;

        Assert.True(live.Count >= 3, $"{live.Count} silos are running");
        Assert.Equal(written.Version, read.Version);
        Assert.Equal(3, read.Status.Reifegrad);
    }

    [Fact]
    public Task A_silo_killed_under_load_loses_no_acknowledged_update_and_updates_resume_within_15_seconds() =>
        ClusterScenarios.KillOneSiloUnderLoadAsync(cluster, output, [.. Enumerable.Range(10410, 24)]);

    [Fact]
    public Task After_a_full_restart_of_cluster_and_Azurite_every_status_is_still_there() =>
        ClusterScenarios.RestartEverythingKeepsEveryStatusAsync(cluster, [.. Enumerable.Range(10450, 10)]);

    [Fact]
    public async Task Scaling_out_spreads_new_activations_and_a_graceful_stop_under_load_loses_nothing()
    {
        var added = await cluster.AddSiloAsync();
        using (var all = cluster.Channel())
        {
            var registry = new ItDienstleisterService.ItDienstleisterServiceClient(all);
            foreach (var i in Enumerable.Range(0, 40))
            {
                await registry.RegisterItDienstleisterAsync(new RegisterItDienstleisterRequest
                {
                    Id = $"scale-{Guid.NewGuid():N}"[..20], RequestId = Guid.NewGuid().ToString(), Name = $"Scale {i}", Laender = { "BY" },
                });
            }

            var silos = (await new ClusterAdminService.ClusterAdminServiceClient(all).GetClusterAsync(new GetClusterRequest())).Silos;
            var onNewSilo = silos.Single(s => s.Address.Contains($":{added.SiloPort}:", StringComparison.Ordinal));
            output.WriteLine(string.Join("; ", silos.Where(s => s.Status == "Active").Select(s => $"{s.Address}: {s.Activations} activations")));
            Assert.Equal(4, silos.Count(s => s.Status == "Active"));
            Assert.Contains(onNewSilo.Grains, g => g.GrainType == "ItDienstleisterGrain" && g.Activations > 0);
        }

        // Under load through all four, one silo is stopped as an administrator does (SIGTERM).
        using var channel = cluster.Channel();
        await using var load = UpdateLoad.Start(new LeistungService.LeistungServiceClient(channel), [.. Enumerable.Range(10470, 16)]);
        await Eventually.ReturnsAsync(() => Task.FromResult(load.Acknowledgements.Count), n => n >= 100, "the load to get going");
        var leaving = cluster.Silos.First(s => !s.HasExited && s != cluster.Silos[0]);

        // A dashboard watches the load's Leistungen through the silo that is about to leave; it resumes elsewhere.
        var connections = 0;
        await using var watcher = ResumingWatcher.Start(
            () => Interlocked.Increment(ref connections) == 1 ? cluster.ChannelTo(leaving) : cluster.Channel(), load.OzgIds);
        await Eventually.ReturnsAsync(() => Task.FromResult(watcher), w => w.ChangesSeen >= 20, "the watcher on the leaving silo to see changes");

        var stoppedAt = load.Now;
        await leaving.StopAsync();
        await Eventually.ReturnsAsync(
            () => Task.FromResult(load.AcknowledgedSince(stoppedAt + TimeSpan.FromSeconds(3))), n => n >= 100, "updates to go on after the stop");
        await load.StopAsync();

        var slowest = load.SlowestResumeAfter(stoppedAt);
        output.WriteLine($"after the graceful stop every Leistung was updated again within {slowest.After.TotalMilliseconds:0} ms");
        Assert.True(slowest.After < TimeSpan.FromSeconds(15), $"Leistung {slowest.OzgId} was not updated again for {slowest.After} after a graceful stop");
        var acknowledged = load.Acknowledged;
        await ClusterScenarios.AssertNothingAcknowledgedLostAsync(cluster, acknowledged);

        await Eventually.ReturnsAsync(() => Task.FromResult(watcher), w => w.Knows(acknowledged),
            "the watcher to know every acknowledged version after resuming on another silo", TimeSpan.FromSeconds(30));
        output.WriteLine($"watcher: {watcher}");
    }
}
