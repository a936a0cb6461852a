using Xunit.Abstractions;
using System.Collections.Concurrent;
using System.Diagnostics;
using Grpc.Core;
using OzgGrid.Protos.V1;
using OzgGrid.Silo.Tests.Hosting;

namespace OzgGrid.Silo.Tests;

public sealed class StorageOutageTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(5);

    [Fact]
    public async Task When_storage_stops_under_load_callers_get_Unavailable_in_time_nothing_acknowledged_is_lost_and_service_recovers()
    {
        await using var azurite = await OwnAzurite.StartAsync();
        var scope = ClusterScope.CreateNew();
        string[] settings =
        [
            $"--OzgGrid:Storage:ConnectionString={azurite.ConnectionString}",
            "--OzgGrid:Resilience:CallTimeout=00:00:03",
            "--OzgGrid:Resilience:BreakDuration=00:00:01",

            // The writers retry at once on UNAVAILABLE; this test is about storage, not about their rate.
            "--OzgGrid:RateLimit:PermitsPerSecond=0",
        ];
        var ozgIds = Enumerable.Range(10300, 8).ToArray();
        var acknowledged = new ConcurrentDictionary<int, UpdateLeistungStatusResponse>();
        var outcomes = new ConcurrentDictionary<StatusCode, int>();
        var slowest = TimeSpan.Zero;

        await using (var host = await TestHost.StartAsync(scope, settings))
        {
            var client = new LeistungService.LeistungServiceClient(host.Channel);
            using var stop = new CancellationTokenSource();
            var writers = ozgIds.Select(ozgId => Task.Run(async () =>
            {
                for (var round = 0; !stop.IsCancellationRequested; round++)
                {
                    var watch = Stopwatch.StartNew();
                    var code = StatusCode.OK;
                    try
                    {
                        var response = await client.UpdateLeistungStatusAsync(
                            new UpdateLeistungStatusRequest { OzgId = ozgId, RequestId = Guid.NewGuid().ToString(), Reifegrad = 1 + (round % 4) },
                            deadline: DateTime.UtcNow + Deadline);
                        acknowledged[ozgId] = response;
                    }
                    catch (RpcException refused)
                    {
                        code = refused.StatusCode;
                    }

                    outcomes.AddOrUpdate(code, 1, (_, n) => n + 1);
                    lock (outcomes)
                    {
                        slowest = watch.Elapsed > slowest ? watch.Elapsed : slowest;
                    }
                }
            })).ToArray();

            await Eventually.ReturnsAsync(() => Task.FromResult(acknowledged.Count), n => n == ozgIds.Length, "every writer to be acknowledged once");
            await azurite.StopAsync();
            await Eventually.ReturnsAsync(
                () => Task.FromResult(outcomes.GetValueOrDefault(StatusCode.Unavailable)), n => n >= 20, "callers to get UNAVAILABLE while storage is down");
            await azurite.StartAgainAsync();
            var okBefore = outcomes.GetValueOrDefault(StatusCode.OK);
            await Eventually.ReturnsAsync(
                () => Task.FromResult(outcomes.GetValueOrDefault(StatusCode.OK)), n => n >= okBefore + 20, "writes to succeed again once storage is back");
            await stop.CancelAsync();
            await Task.WhenAll(writers);
        }

        output.WriteLine($"Outcomes: {string.Join(", ", outcomes.Select(o => $"{o.Key}={o.Value}"))}; slowest call {slowest.TotalMilliseconds:0} ms");
        Assert.True(slowest < Deadline + TimeSpan.FromSeconds(1), $"a call took {slowest}, beyond its deadline of {Deadline}");
        Assert.Equal([StatusCode.OK, StatusCode.Unavailable], outcomes.Keys.Order());

        // A new host reads what storage holds: every acknowledged write is there, and state and history agree. It runs
        // with the default call timeout: its reads are the check, and a cold host on a loaded machine may need more
        // than the 3 s the outage above was measured with.
        await using var reopened = await TestHost.StartAsync(scope, [settings[0]]);
        var leistungen = new LeistungService.LeistungServiceClient(reopened.Channel);
        foreach (var (ozgId, ack) in acknowledged)
        {
            var leistung = (await leistungen.GetLeistungAsync(new GetLeistungRequest { OzgId = ozgId })).Leistung;
            var newest = (await leistungen.ListLeistungChangesAsync(new ListLeistungChangesRequest { OzgId = ozgId, PageSize = 1 })).Changes[0];
            Assert.True(leistung.Version >= ack.Version, $"Leistung {ozgId} is at version {leistung.Version}, but version {ack.Version} was acknowledged");
            Assert.Equal(leistung.Version, newest.Version);
            if (leistung.Version == ack.Version)
            {
                Assert.Equal(ack.Status, leistung.Status);
            }
        }
    }
}
