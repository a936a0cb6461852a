using System.Text.Json;
using OzgGrid.Cli;
using OzgGrid.Silo.Tests.Hosting;

namespace OzgGrid.Silo.Tests.Cli;

/// <summary>ozgctl's cluster view of the two-silo cluster.</summary>
[Collection(TwoSiloCollection.Name)]
public sealed class OzgCtlClusterTests(TwoSiloFixture cluster)
{
    [Fact]
    public async Task Cluster_lists_both_silos_as_active_and_both_endpoints_as_serving()
    {
        var environment = OzgCtlRunner.EnvironmentFor(cluster.First, cluster.Second);

        var result = await OzgCtlRunner.InProcessAsync(environment, new CapturedWriter(), ["cluster", "-o", "json"]);

        Assert.True(result.ExitCode == ExitCodes.Ok, result.ToString());
        using var json = JsonDocument.Parse(result.Out);
        Assert.Equal(["SERVING", "SERVING"], json.RootElement.GetProperty("endpoints").EnumerateArray().Select(e => e.GetProperty("health").GetString()));
        Assert.True(json.RootElement.GetProperty("cluster").GetProperty("silos").EnumerateArray().Count(s => s.GetProperty("status").GetString() == "Active") >= 2,
            result.Out);
    }
}
