using Grpc.Core;
using OzgGrid.Gateway.Identity;
using OzgGrid.Protos.V1;
using OzgGrid.Silo.Tests.Hosting;

namespace OzgGrid.Silo.Tests;

[Collection(GatewayCollection.Name)]
public sealed class ClusterAdminServiceTests(GatewayFixture fixture)
{
    [Fact]
    public async Task The_programme_management_sees_the_silos_and_the_activations_per_grain_type()
    {
        var admin = new ClusterAdminService.ClusterAdminServiceClient(fixture.Host.Channel);
        var monitoring = new ClusterAdminService.ClusterAdminServiceClient(fixture.Host.ChannelFor(Roles.Monitoring, "dashboard"));

        var cluster = await admin.GetClusterAsync(new GetClusterRequest());
        var refused = await Assert.ThrowsAsync<RpcException>(() => monitoring.GetClusterAsync(new GetClusterRequest()).ResponseAsync);

        var silo = Assert.Single(cluster.Silos, s => s.Status == "Active");
        Assert.NotEmpty(cluster.Version);
        Assert.True(silo.Activations >= KnownData.Leistungen, $"{silo.Activations} activations");
        Assert.Contains(cluster.Grains, g => g.GrainType == "LeistungGrain" && g.Activations >= KnownData.Leistungen);
        // At least the 14 of the catalogue: a read of an unknown key (e.g. 15) activates one more, which answers NotFound.
        Assert.Contains(cluster.Grains, g => g.GrainType == "ThemenfeldGrain" && g.Activations >= KnownData.Themenfelder);
        // Grains only: a silo's system targets (directory, membership, …) are no activations to an operator.
        Assert.DoesNotContain(cluster.Grains, g => g.GrainType.StartsWith("sys.", StringComparison.Ordinal));
        Assert.Equal(StatusCode.PermissionDenied, refused.StatusCode);
    }
}
