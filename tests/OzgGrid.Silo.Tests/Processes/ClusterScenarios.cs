using Grpc.Core;
using OzgGrid.Protos.V1;
using OzgGrid.Silo.Tests.Hosting;
using Xunit.Abstractions;

namespace OzgGrid.Silo.Tests.Processes;

/// <summary>Scenarios and checks run on a cluster of silo processes, whatever store it runs on.</summary>
public static class ClusterScenarios
{
    /// <summary>How long a reader waits before it asks again after UNAVAILABLE, as a client backs off.</summary>
    private static readonly TimeSpan ReadRetryBackoff = TimeSpan.FromMilliseconds(200);

    /// <summary>
    /// Under updates of <paramref name="ozgIds"/>, a silo other than the first is killed (SIGKILL): updates resume on
    /// the others within 15 s, no acknowledged update is lost, the figures agree with a recount, and a replacement
    /// silo joins and reads what was written.
    /// </summary>
    public static async Task KillOneSiloUnderLoadAsync(ProcessClusterFixture cluster, ITestOutputHelper output, int[] ozgIds)
    {
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
        // On a fast store the 100 come before the cluster has declared the silo dead: wait until every Leistung had its
        // turn again (or long enough for the check below to fail), so that those of the dead silo are judged too.
        await Eventually.ReturnsAsync(
            () => Task.FromResult(load.SlowestResumeAfter(killedAt)), slowest => slowest.After != TimeSpan.MaxValue,
            "every Leistung to be updated again after the kill", TimeSpan.FromSeconds(20));
        await load.StopAsync();
        var seen = await lookedAtOnce;
        Assert.Contains(seen.Silos, silo => silo.Status == "Active" && !silo.ActivationsUnknown && silo.Activations > 0);

        // Every Leistung, including those whose grain lived on the killed silo, is updated again within 15 s.
        var slowest = load.SlowestResumeAfter(killedAt);
        output.WriteLine($"{load.Acknowledgements.Count} updates acknowledged; the slowest Leistung resumed {slowest.After.TotalMilliseconds:0} ms after the kill");
        Assert.True(slowest.After < TimeSpan.FromSeconds(15), $"Leistung {slowest.OzgId} was not updated again for {slowest.After} after a silo was killed");
        var acknowledged = load.Acknowledged;

        await AssertNothingAcknowledgedLostAsync(cluster, acknowledged);
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

    /// <summary>Statuses are written to <paramref name="ozgIds"/>; after the cluster and its store restart, every Leistung reads the same.</summary>
    public static async Task RestartEverythingKeepsEveryStatusAsync(ProcessClusterFixture cluster, int[] ozgIds)
    {
        using (var channel = cluster.Channel())
        {
            var client = new LeistungService.LeistungServiceClient(channel);
            foreach (var ozgId in ozgIds)
            {
                await client.UpdateLeistungStatusAsync(new UpdateLeistungStatusRequest
                {
                    OzgId = ozgId, RequestId = Guid.NewGuid().ToString(), Reifegrad = 1 + (ozgId % 4), Phase = Umsetzungsphase.RollOut,
                });
            }
        }

        var before = await AllStatusesAsync(cluster);
        await cluster.RestartEverythingAsync();
        var after = await AllStatusesAsync(cluster);

        Assert.Equal(before, after);
    }

    /// <summary>Every acknowledged update is readable through the silos still running, at its version or a later one.</summary>
    public static async Task AssertNothingAcknowledgedLostAsync(ProcessClusterFixture cluster, IReadOnlyDictionary<int, UpdateLeistungStatusResponse> acknowledged)
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

    /// <summary>Every Leistung as "OZG-ID:version:status", in catalogue order.</summary>
    public static async Task<List<string>> AllStatusesAsync(ProcessClusterFixture cluster)
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
