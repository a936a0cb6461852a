using System.Security.Claims;
using Grpc.Core;
using Microsoft.Extensions.Options;
using OzgGrid.Gateway.Identity;
using OzgGrid.Gateway.Resilience;
using OzgGrid.Gateway.Tests.TestSupport;
using OzgGrid.Protos.V1;

namespace OzgGrid.Gateway.Tests.Resilience;

/// <remarks>
/// The token buckets refill on a real 100 ms timer; each burst below is made of immediate calls that finish long before
/// a refill, and no test depends on a refill happening.
/// </remarks>
public sealed class RateLimitInterceptorTests
{
    private const string Method = "/ozg.v1.LeistungService/GetLeistung";

    private static readonly GetLeistungResponse Served = new() { Leistung = new Leistung { OzgId = 10000 } };

    [Fact]
    public async Task With_zero_permits_per_second_no_call_is_ever_limited()
    {
        using var interceptor = Create(permitsPerSecond: 0, burst: 1);
        var alice = TestCallers.Authenticated("alice", Roles.Monitoring);

        for (var i = 0; i < 50; i++)
        {
            Assert.Same(Served, await Call(interceptor, alice));
        }
    }

    [Fact]
    public async Task A_caller_past_its_burst_gets_resource_exhausted_naming_it_while_another_caller_is_still_served()
    {
        using var interceptor = Create(permitsPerSecond: 1, burst: 3);
        var alice = TestCallers.Authenticated("alice", Roles.Monitoring);
        var bob = TestCallers.Authenticated("bob", Roles.Monitoring);
        var calls = 0;

        for (var i = 0; i < 3; i++)
        {
            await Call(interceptor, alice, () => calls++);
        }

        var refused = await Assert.ThrowsAsync<RpcException>(() => Call(interceptor, alice, () => calls++));

        Assert.Equal(StatusCode.ResourceExhausted, refused.StatusCode);
        Assert.Contains("sub:alice", refused.Status.Detail, StringComparison.Ordinal);
        Assert.Equal(3, calls);
        Assert.Same(Served, await Call(interceptor, bob));
    }

    [Fact]
    public async Task Two_tokens_of_the_same_it_dienstleister_share_one_bucket()
    {
        using var interceptor = Create(permitsPerSecond: 1, burst: 3);
        var first = TestCallers.Authenticated("itdl-nrw-importer", Roles.ItDienstleister, itDienstleister: "it-nrw");
        var second = TestCallers.Authenticated("itdl-nrw-dashboard", Roles.ItDienstleister, itDienstleister: "it-nrw");

        await Call(interceptor, first);
        await Call(interceptor, first);
        await Call(interceptor, second);
        var refused = await Assert.ThrowsAsync<RpcException>(() => Call(interceptor, second));

        Assert.Equal(StatusCode.ResourceExhausted, refused.StatusCode);
        Assert.Contains("itdl:it-nrw", refused.Status.Detail, StringComparison.Ordinal);
    }

    private static RateLimitInterceptor Create(int permitsPerSecond, int burst) =>
        new(Options.Create(new RateLimitOptions { PermitsPerSecond = permitsPerSecond, Burst = burst }));

    private static Task<GetLeistungResponse> Call(RateLimitInterceptor interceptor, ClaimsPrincipal caller, Action? onHandled = null) =>
        interceptor.UnaryServerHandler(
            new GetLeistungRequest { OzgId = 10000 },
            new HttpServerCallContext(Method, caller),
            (_, _) =>
            {
                onHandled?.Invoke();
                return Task.FromResult(Served);
            });
}
