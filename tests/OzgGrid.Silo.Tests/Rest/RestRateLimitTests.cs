using System.Net;
using Grpc.Core;
using OzgGrid.Gateway.Identity;
using OzgGrid.Silo.Tests.Hosting;

namespace OzgGrid.Silo.Tests.Rest;

/// <summary>The gateway's interceptors run for REST calls too: the rate limit is the gRPC caller's.</summary>
public sealed class RestRateLimitTests
{
    [Fact]
    public async Task A_REST_caller_over_its_rate_gets_429_with_ResourceExhausted()
    {
        await using var host = await TestHost.StartAsync(
            ClusterScope.CreateNew(),
            "--OzgGrid:Catalog:ImportOnFirstStart=false",
            "--OzgGrid:RateLimit:PermitsPerSecond=1",
            "--OzgGrid:RateLimit:Burst=3");
        using var http = new HttpClient { BaseAddress = host.HttpAddress };
        var token = host.TokenFor(Roles.Monitoring, "rest-flood");

        var calls = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => RestCall.SendAsync(http, HttpMethod.Get, "/v1/themenfelder", token)));

        Assert.Contains(calls, call => call.Status == HttpStatusCode.OK);
        Assert.Contains(calls, call => call.Status == HttpStatusCode.TooManyRequests);
        Assert.All(calls.Where(call => call.Status != HttpStatusCode.OK), call =>
        {
            Assert.Equal(HttpStatusCode.TooManyRequests, call.Status);
            Assert.Equal((int)StatusCode.ResourceExhausted, call.Code);
        });
    }
}
