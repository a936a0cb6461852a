using System.Text.Json;
using OzgGrid.Cli;
using OzgGrid.Protos.V1;
using OzgGrid.Silo.Tests.Hosting;

namespace OzgGrid.Silo.Tests.Cli;

/// <summary>
/// A watch that outlives the silo it was reading from. Two hosts of a cluster of the test's own, so that shutting
/// one down disturbs no other test's cluster.
/// </summary>
public sealed class OzgCtlFailoverTests
{
    private const int WatchedOzgId = 10321;

    // As in TwoSiloFixture: the hubs refresh quickly, so a change through one silo reaches a watcher on the other soon.
    private static readonly string[] Settings =
    [
        "--OzgGrid:Monitoring:HubRefreshInterval=00:00:02",
        "--OzgGrid:Monitoring:ReconciliationInterval=00:00:10",
    ];

    [Fact]
    public async Task Watch_moves_to_the_next_endpoint_when_its_silo_shuts_down_and_sees_the_changes_after_it()
    {
        var scope = ClusterScope.CreateNew();
        await using var staying = await TestHost.StartAsync(scope, Settings);
        TestHost? leaving = await TestHost.StartAsync(scope, Settings);
        try
        {
            var leistungen = new LeistungService.LeistungServiceClient(staying.Channel);
            var output = new CapturedWriter();
            var watch = OzgCtlRunner.InProcessAsync(
                OzgCtlRunner.EnvironmentFor(leaving, staying), output, ["watch", "--ozg-id", WatchedOzgId.ToString(), "--count", "2", "-o", "json"]);
            await Eventually.ReturnsAsync(() => Task.FromResult(output.ToString()), text => text.Contains("\"snapshot\""), "the watch's snapshot");

            var first = await ChangeAsync(leistungen);
            await Eventually.ReturnsAsync(() => Task.FromResult(output.ToString()), text => text.Contains($"\"version\":{first}"), "the first change on the watch");
            await leaving.DisposeAsync();
            leaving = null;

            // A change made before the watch is back on the staying silo may reach it inside a new snapshot rather than
            // as a change of its own, so keep changing (at most one a second) until the watch has seen one more.
            await Eventually.ReturnsAsync(async () =>
            {
                if (!watch.IsCompleted)
                {
                    await ChangeAsync(leistungen);
                    await Task.WhenAny(watch, Task.Delay(TimeSpan.FromSeconds(1)));
                }

                return watch.IsCompleted;
            }, done => done, "the watch to see a change after its silo left, and exit", TimeSpan.FromMinutes(2));

            var result = await watch;
            Assert.True(result.ExitCode == ExitCodes.Ok, result.ToString());
            var versions = result.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries)
                .Select(line => JsonDocument.Parse(line).RootElement)
                .Where(e => e.GetProperty("event").GetString() == "change")
                .Select(e => e.GetProperty("version").GetInt64())
                .ToList();
            Assert.Equal(2, versions.Count);
            Assert.Equal(first, versions[0]);
            Assert.True(versions[1] > first, result.ToString());
        }
        finally
        {
            if (leaving is not null)
            {
                await leaving.DisposeAsync();
            }
        }
    }

    private static async Task<long> ChangeAsync(LeistungService.LeistungServiceClient leistungen)
    {
        var now = (await leistungen.GetLeistungAsync(new GetLeistungRequest { OzgId = WatchedOzgId })).Leistung.Status.Reifegrad;
        var response = await leistungen.UpdateLeistungStatusAsync(new UpdateLeistungStatusRequest
        {
            OzgId = WatchedOzgId, RequestId = Guid.NewGuid().ToString(), Reifegrad = now >= 4 ? 3 : now + 1,
        });
        return response.Version;
    }
}
