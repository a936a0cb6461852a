using Grpc.Core;
using OzgGrid.Protos.V1;
using OzgGrid.Silo.Tests.Hosting;
using OzgGrid.Silo.Tests.Processes;
using Xunit.Abstractions;

namespace OzgGrid.Silo.Tests;

/// <summary>Silos as separate processes forming one cluster through Azure Table membership on one Azurite.</summary>
[Collection(ProcessClusterCollection.Name)]
public sealed class ProcessClusterTests(ProcessClusterFixture cluster, ITestOutputHelper output)
{
    /// <summary>How long a reader waits before it asks again after UNAVAILABLE, as a client backs off.</summary>
    private static readonly TimeSpan ReadRetryBackoff = TimeSpan.FromMilliseconds(200);

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
    public async Task A_silo_killed_under_load_loses_no_acknowledged_update_and_updates_resume_within_15_seconds()
    {
        var ozgIds = Enumerable.Range(10410, 24).ToArray();
        using var channel = cluster.Channel();
        await using var load = UpdateLoad.Start(new LeistungService.LeistungServiceClient(channel), ozgIds);

        await Eventually.ReturnsAsync(() => Task.FromResult(load.Acknowledgements.Count), n => n >= 100, "the load to get going");
        var victim = cluster.Silos.First(s => !s.HasExited && s != cluster.Silos[0]);
        var killedAt = load.Now;
        await victim.KillAsync();

        // The administrator looks at once, before the cluster has declared the silo dead: the answer comes all the same.
        using var toFirst = cluster.ChannelTo(cluster.Silos[0]);
        var lookedAtOnce = new ClusterAdminService.ClusterAdminServiceClient(toFirst)
            .GetClusterAsync(new GetClusterRequest(), deadline: DateTime.UtcNow.AddSeconds(6)).ResponseAsync;
        await Eventually.ReturnsAsync(
            () => Task.FromResult(load.AcknowledgedSince(killedAt + TimeSpan.FromSeconds(5))), n => n >= 100, "updates to go on after the kill");
        await load.StopAsync();
        var seen = await lookedAtOnce;
        Assert.Contains(seen.Silos, silo => silo.Status == "Active" && !silo.ActivationsUnknown && silo.Activations > 0);

        // Every Leistung, including those whose grain lived on the killed silo, is updated again within 15 s.
        var slowest = load.SlowestResumeAfter(killedAt);
        output.WriteLine($"{load.Acknowledgements.Count} updates acknowledged; the slowest Leistung resumed {slowest.After.TotalMilliseconds:0} ms after the kill");
        Assert.True(slowest.After < TimeSpan.FromSeconds(15), $"Leistung {slowest.OzgId} was not updated again for {slowest.After} after a silo was killed");
        var acknowledged = load.Acknowledged;

        await AssertNothingAcknowledgedLostAsync(acknowledged);
        using var survivors = cluster.Channel();
        var reader = new LeistungService.LeistungServiceClient(survivors);

        var expected = await ProgrammeRecount.CountAsync(reader);
        var monitoring = new MonitoringService.MonitoringServiceClient(survivors);
        await Eventually.ReturnsAsync(
            async () => ProgrammeRecount.From((await monitoring.GetProgrammeFiguresAsync(new GetProgrammeFiguresRequest())).Figures),
            live => live == expected,
            $"the figures to equal a recount ({expected}) after the kill",
            TimeSpan.FromSeconds(60));

        // The administrator replaces the dead silo.
        var replacement = await cluster.AddSiloAsync();
        using var toReplacement = cluster.ChannelTo(replacement);
        var read = await new LeistungService.LeistungServiceClient(toReplacement).GetLeistungAsync(new GetLeistungRequest { OzgId = ozgIds[0] });
        Assert.True(read.Leistung.Version >= acknowledged[ozgIds[0]].Version);
    }

    [Fact]
    public async Task After_a_full_restart_of_cluster_and_Azurite_every_status_is_still_there()
    {
        using (var channel = cluster.Channel())
        {
            var client = new LeistungService.LeistungServiceClient(channel);
            foreach (var ozgId in Enumerable.Range(10450, 10))
            {
                await client.UpdateLeistungStatusAsync(new UpdateLeistungStatusRequest
                {
                    OzgId = ozgId, RequestId = Guid.NewGuid().ToString(), Reifegrad = 1 + (ozgId % 4), Phase = Umsetzungsphase.RollOut,
                });
            }
        }

        var before = await AllStatusesAsync();
        await cluster.RestartEverythingAsync();
        var after = await AllStatusesAsync();

        Assert.Equal(before, after);
    }

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
        await AssertNothingAcknowledgedLostAsync(acknowledged);

        await Eventually.ReturnsAsync(() => Task.FromResult(watcher), w => w.Knows(acknowledged),
            "the watcher to know every acknowledged version after resuming on another silo", TimeSpan.FromSeconds(30));
        output.WriteLine($"watcher: {watcher}");
    }

    /// <summary>Every acknowledged update is readable through the silos still running, at its version or a later one.</summary>
    private async Task AssertNothingAcknowledgedLostAsync(IReadOnlyDictionary<int, UpdateLeistungStatusResponse> acknowledged)
    {
        using var survivors = cluster.Channel();
        var reader = new LeistungService.LeistungServiceClient(survivors);
        foreach (var (ozgId, ack) in acknowledged)
        {
            var leistung = await ReadAsync(reader, ozgId);
            Assert.True(leistung.Version >= ack.Version, $"Leistung {ozgId} is at version {leistung.Version}, but version {ack.Version} was acknowledged");
        }
    }

    /// <summary>
    /// Reads as a client does after a change of the cluster: UNAVAILABLE ("retry shortly") is tried again for a while,
    /// e.g. while an activation that moved reads its state from a storage that is busy.
    /// </summary>
    private static async Task<Leistung> ReadAsync(LeistungService.LeistungServiceClient reader, int ozgId)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (true)
        {
            try
            {
                return (await reader.GetLeistungAsync(new GetLeistungRequest { OzgId = ozgId })).Leistung;
            }
            catch (RpcException exception) when (exception.StatusCode == StatusCode.Unavailable && DateTime.UtcNow < deadline)
            {
                await Task.Delay(ReadRetryBackoff);
            }
        }
    }

    private async Task<List<string>> AllStatusesAsync()
    {
        using var channel = cluster.Channel();
        var client = new LeistungService.LeistungServiceClient(channel);
        var all = new List<string>();
        var token = string.Empty;
        do
        {
            var page = await client.ListLeistungenAsync(new ListLeistungenRequest { PageSize = 500, PageToken = token });
            all.AddRange(page.Leistungen.Select(l => $"{l.OzgId}:{l.Version}:{l.Status}"));
            token = page.NextPageToken;
        }
        while (token.Length > 0);

        return all;
    }
}
