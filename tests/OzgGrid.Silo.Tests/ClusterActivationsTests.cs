using Microsoft.Extensions.DependencyInjection;
using OzgGrid.Protos.V1;
using OzgGrid.Silo.Tests.Hosting;

namespace OzgGrid.Silo.Tests;

/// <summary>Two silos in one process: each reports its own activations, none of the other's.</summary>
[Collection(TwoSiloCollection.Name)]
public sealed class ClusterActivationsTests(TwoSiloFixture cluster)
{
    [Fact]
    public async Task Each_silo_reports_the_activations_Orleans_counts_on_it_and_no_others()
    {
        var admin = new ClusterAdminService.ClusterAdminServiceClient(cluster.First.Channel);
        var management = cluster.First.Services.GetRequiredService<IGrainFactory>().GetGrain<IManagementGrain>(0);

        var perSilo = await Eventually.ReturnsAsync(
            async () =>
            {
                var hosts = await management.GetDetailedHosts(onlyActive: true);
                var silos = (await admin.GetClusterAsync(new GetClusterRequest())).Silos.Where(s => s.Status == "Active").ToList();
                var pairs = new PerSilo();
                foreach (var host in hosts)
                {
                    var counted = await management.GetSimpleGrainStatistics([host.SiloAddress]);
                    var reported = silos.SingleOrDefault(s => s.Address == host.SiloAddress.ToString());
                    pairs.Add((reported?.Grains.SingleOrDefault(g => g.GrainType == "LeistungGrain")?.Activations ?? 0, LeistungGrains(counted)));
                }

                return pairs;
            },
            pairs => pairs.Count == 2 && pairs.All(p => p.Reported == p.Counted),
            "each silo's LeistungGrain activations in GetCluster to equal what Orleans counts on it");

        // With activations on either silo, a silo that also counted the other's would report more than Orleans counts on it.
        Assert.True(perSilo.Sum(p => p.Counted) > 0, "no LeistungGrain is active on either silo");
    }

    /// <summary>Per silo the LeistungGrain activations GetCluster reports and those Orleans counts; readable in a failure.</summary>
    private sealed class PerSilo : List<(int Reported, int Counted)>
    {
        public override string ToString() => string.Join("; ", this.Select(p => $"reported {p.Reported}, counted {p.Counted}"));
    }

    private static int LeistungGrains(SimpleGrainStatistic[] statistics) =>
        statistics.Where(s => s.GrainType.Split(',')[0].EndsWith(".LeistungGrain", StringComparison.Ordinal)).Sum(s => s.ActivationCount);
}
