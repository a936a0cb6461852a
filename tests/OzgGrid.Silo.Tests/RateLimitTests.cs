using Grpc.Core;
using OzgGrid.Gateway.Identity;
using OzgGrid.Protos.V1;
using OzgGrid.Silo.Tests.Hosting;

namespace OzgGrid.Silo.Tests;

public sealed class RateLimitTests
{
    [Fact]
    public async Task A_caller_over_its_rate_gets_ResourceExhausted_while_others_are_still_served()
    {
        await using var host = await TestHost.StartAsync(
            ClusterScope.CreateNew(),
            "--OzgGrid:Catalog:ImportOnFirstStart=false",
            "--OzgGrid:RateLimit:PermitsPerSecond=10",
            "--OzgGrid:RateLimit:Burst=10");
        var flooding = new ThemenfeldService.ThemenfeldServiceClient(host.ChannelFor(Roles.ItDienstleister, "flood:1", "flood"));
        var sameProviderOtherToken = new ThemenfeldService.ThemenfeldServiceClient(host.ChannelFor(Roles.ItDienstleister, "flood:2", "flood"));
        var other = new ThemenfeldService.ThemenfeldServiceClient(host.ChannelFor(Roles.Monitoring, "dashboard"));

        var clock = System.Diagnostics.Stopwatch.StartNew();
        var codes = await Task.WhenAll(Enumerable.Range(0, 60).Select(async i =>
        {
            try
            {
                await (i % 2 == 0 ? flooding : sameProviderOtherToken).ListThemenfelderAsync(new ListThemenfelderRequest());
                return (Token: i % 2, Code: StatusCode.OK, Detail: string.Empty);
            }
            catch (RpcException refused)
            {
                return (Token: i % 2, Code: refused.StatusCode, Detail: refused.Status.Detail);
            }
        }));
        var elapsed = clock.Elapsed;
        var served = await other.ListThemenfelderAsync(new ListThemenfelderRequest());

        // Both tokens of the provider share one bucket: 10 at once, then 10 per second.
        var allowed = 10 + (int)Math.Ceiling(elapsed.TotalSeconds * 10) + 1;
        Assert.InRange(codes.Count(c => c.Code == StatusCode.OK), 10, allowed);
        Assert.All(codes.Where(c => c.Code != StatusCode.OK), c => Assert.Equal(StatusCode.ResourceExhausted, c.Code));
        Assert.Contains(codes, c => c.Token == 0 && c.Code == StatusCode.ResourceExhausted);
        Assert.Contains(codes, c => c.Token == 1 && c.Code == StatusCode.ResourceExhausted);
        Assert.Contains(codes, c => c.Detail.Contains("itdl:flood", StringComparison.Ordinal));
        Assert.NotNull(served);
    }
}
