using Grpc.Core;
using OzgGrid.Protos.V1;
using OzgGrid.Silo.Tests.Hosting;

namespace OzgGrid.Silo.Tests;

[Collection(TwoSiloCollection.Name)]
public sealed class ClusterMonitoringTests(TwoSiloFixture cluster)
{
    [Fact]
    public async Task A_change_made_through_one_silo_reaches_watchers_on_both()
    {
        var ozgId = 10200;
        await using var onFirst = StreamWatcher.Open(new MonitoringService.MonitoringServiceClient(cluster.First.Channel), new() { OzgIds = { ozgId } });
        await using var onSecond = StreamWatcher.Open(new MonitoringService.MonitoringServiceClient(cluster.Second.Channel), new() { OzgIds = { ozgId } });
        await onFirst.ReadSnapshotAsync();
        await onSecond.ReadSnapshotAsync();

        var written = await new LeistungService.LeistungServiceClient(cluster.First.Channel).UpdateLeistungStatusAsync(
            new UpdateLeistungStatusRequest { OzgId = ozgId, RequestId = Guid.NewGuid().ToString(), Reifegrad = 2 });

        await onSecond.ReadUntilAsync(m => m.LeistungChanged?.Leistung.Version == written.Version, "the change on the other silo");
        await onFirst.ReadUntilAsync(m => m.LeistungChanged?.Leistung.Version == written.Version, "the change on the same silo");
    }

    [Fact]
    public async Task After_thousands_of_random_concurrent_updates_and_a_silo_restart_the_figures_equal_a_recount()
    {
        const int updates = 2_000;
        const int writers = 16;
        var ozgIds = await AllOzgIdsAsync();
        var clients = new[] { cluster.First, cluster.Second }.Select(h => new LeistungService.LeistungServiceClient(h.Channel)).ToArray();
        var refused = 0;

        await Parallel.ForAsync(0, updates, new ParallelOptions { MaxDegreeOfParallelism = writers }, async (i, token) =>
        {
            var random = Random.Shared;
            var request = new UpdateLeistungStatusRequest
            {
                OzgId = ozgIds[random.Next(ozgIds.Count)],
                RequestId = Guid.NewGuid().ToString(),
                Reifegrad = random.Next(0, 5),
                Phase = (Umsetzungsphase)random.Next(1, 7),
                Verfuegbarkeit = new LandVerfuegbarkeit
                {
                    Land = random.Next(1, 17).ToString("00", System.Globalization.CultureInfo.InvariantCulture),
                    Verfuegbarkeit = (Verfuegbarkeit)random.Next(1, 5),
                },
            };
            try
            {
                await clients[i % 2].UpdateLeistungStatusAsync(request, cancellationToken: token);
            }
            catch (RpcException refusal) when (refusal.StatusCode == StatusCode.FailedPrecondition)
            {
                // Reifegrad 0 with a Verfügbarkeit is a rule violation; such updates change nothing.
                Interlocked.Increment(ref refused);
            }
        });

        await AssertFiguresEqualRecountAsync(cluster.First, "after the load, on the first silo");
        await AssertFiguresEqualRecountAsync(cluster.Second, "after the load, on the second silo");
        Assert.True(refused < updates / 2, $"{refused} of {updates} updates were refused; the load changed too little");

        await cluster.RestartSecondAsync();
        await AssertFiguresEqualRecountAsync(cluster.Second, "after the second silo restarted");
        await AssertFiguresEqualRecountAsync(cluster.First, "on the first silo after the restart");
        await using var watcher = StreamWatcher.Open(new MonitoringService.MonitoringServiceClient(cluster.First.Channel), new() { OzgIds = { ozgIds[0] } });
        var snapshot = Assert.Single((await watcher.ReadSnapshotAsync()).Last().Snapshot.Leistungen);

        // Another Reifegrad than the random load left, so that the write makes a new version (the same one would not).
        var written = await new LeistungService.LeistungServiceClient(cluster.Second.Channel).UpdateLeistungStatusAsync(
            new UpdateLeistungStatusRequest { OzgId = ozgIds[0], RequestId = Guid.NewGuid().ToString(), Reifegrad = snapshot.Status.Reifegrad == 4 ? 3 : 4 });
        Assert.True(written.Version > snapshot.Version, $"The write through the restarted silo made no new version ({written.Version}).");

        // The change itself, or — if this silo's hub missed it while the cluster changed — a snapshot that says so.
        // Within a minute: right after the restart a call may still wait for an activation of the silo that left, and
        // then the recount (every 10 s here) delivers the change.
        await watcher.ReadUntilAsync(
            m => m.LeistungChanged?.Leistung.Version == written.Version
                || (m.Snapshot?.Reason == SnapshotReason.Resync && m.Snapshot.Leistungen.Any(l => l.Version >= written.Version)),
            "a change through the restarted silo",
            TimeSpan.FromSeconds(60));
    }

    private async Task<List<int>> AllOzgIdsAsync()
    {
        var client = new LeistungService.LeistungServiceClient(cluster.First.Channel);
        var first = await client.ListLeistungenAsync(new ListLeistungenRequest { PageSize = 500 });
        var rest = await client.ListLeistungenAsync(new ListLeistungenRequest { PageSize = 500, PageToken = first.NextPageToken });
        return [.. first.Leistungen.Concat(rest.Leistungen).Select(l => l.OzgId).Where(id => id != 10200)];
    }

    private static async Task AssertFiguresEqualRecountAsync(TestHost host, string when)
    {
        var expected = await ProgrammeRecount.CountAsync(new LeistungService.LeistungServiceClient(host.Channel));
        var monitoring = new MonitoringService.MonitoringServiceClient(host.Channel);
        // Changes flow in within milliseconds; one lost on its way while the cluster changes is healed by the next
        // periodic recount (every 10 s here), so the figures must match within a few recounts.
        await Eventually.ReturnsAsync(
            async () => ProgrammeRecount.From((await monitoring.GetProgrammeFiguresAsync(new GetProgrammeFiguresRequest())).Figures),
            live => live == expected,
            $"the figures {when} to equal a recount ({expected})",
            TimeSpan.FromSeconds(60));
    }
}
