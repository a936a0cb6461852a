using System.Text.Json;
using OzgGrid.Cli;
using OzgGrid.Protos.V1;
using OzgGrid.Silo.Tests.Hosting;

namespace OzgGrid.Silo.Tests.Cli;

/// <summary>ozgctl against a two-silo cluster: the cluster view, and a watch that outlives the silo it was reading from.</summary>
[Collection(TwoSiloCollection.Name)]
public sealed class OzgCtlClusterTests(TwoSiloFixture cluster)
{
    private const int WatchedOzgId = 10321;

    [Fact]
    public async Task Cluster_lists_both_silos_as_active_and_both_endpoints_as_serving()
    {
        var environment = EnvironmentFor(cluster.First, cluster.Second);

        var result = await OzgCtlRunner.InProcessAsync(environment, new CapturedWriter(), ["cluster", "-o", "json"]);

        Assert.True(result.ExitCode == ExitCodes.Ok, result.ToString());
        using var json = JsonDocument.Parse(result.Out);
        Assert.Equal(["SERVING", "SERVING"], json.RootElement.GetProperty("endpoints").EnumerateArray().Select(e => e.GetProperty("health").GetString()));
        Assert.True(json.RootElement.GetProperty("cluster").GetProperty("silos").EnumerateArray().Count(s => s.GetProperty("status").GetString() == "Active") >= 2,
            result.Out);
    }

    [Fact]
    public async Task Watch_moves_to_the_next_endpoint_when_its_silo_shuts_down_and_sees_the_changes_after_it()
    {
        var environment = EnvironmentFor(cluster.Second, cluster.First);
        var leistungen = new LeistungService.LeistungServiceClient(cluster.First.Channel);
        var output = new CapturedWriter();
        var watch = OzgCtlRunner.InProcessAsync(environment, output, ["watch", "--ozg-id", WatchedOzgId.ToString(), "--count", "2", "-o", "json"]);
        await Eventually.ReturnsAsync(() => Task.FromResult(output.ToString()), text => text.Contains("\"snapshot\""), "the watch's snapshot");

        var first = await ChangeAsync(leistungen);
        await Eventually.ReturnsAsync(() => Task.FromResult(output.ToString()), text => text.Contains($"\"version\":{first}"), "the first change on the watch");
        await cluster.RestartSecondAsync();
        var second = await ChangeAsync(leistungen);

        var result = await watch.WaitAsync(TimeSpan.FromMinutes(2));
        Assert.True(result.ExitCode == ExitCodes.Ok, result.ToString());
        var versions = result.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => JsonDocument.Parse(line).RootElement)
            .Where(e => e.GetProperty("event").GetString() == "change")
            .Select(e => e.GetProperty("version").GetInt64());
        Assert.Equal([first, second], versions);
    }

    private static async Task<long> ChangeAsync(LeistungService.LeistungServiceClient leistungen)
    {
        // Another test of the cluster may have left any Reifegrad: move to a different one (never 0, which refuses a Verfügbarkeit).
        var now = (await leistungen.GetLeistungAsync(new GetLeistungRequest { OzgId = WatchedOzgId })).Leistung.Status.Reifegrad;
        var response = await leistungen.UpdateLeistungStatusAsync(new UpdateLeistungStatusRequest
        {
            OzgId = WatchedOzgId, RequestId = Guid.NewGuid().ToString(), Reifegrad = now >= 4 ? 3 : now + 1,
        });
        return response.Version;
    }

    private static Dictionary<string, string?> EnvironmentFor(params TestHost[] hosts) => new()
    {
        ["OZGCTL_ENDPOINTS"] = string.Join(',', hosts.Select(h => $"http://{h.Channel.Target}")),
        ["OZGCTL_TOKEN"] = hosts[0].TokenFor(OzgGrid.Gateway.Identity.Roles.ProgrammManagement, "ozgctl-cluster-test"),
    };
}
