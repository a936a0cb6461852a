using Grpc.Core;
using Microsoft.Extensions.Options;
using OzgGrid.Gateway.Streams;

namespace OzgGrid.Gateway.Tests.Streams;

public sealed class StreamLimiterTests
{
    [Fact]
    public void The_gateway_wide_limit_refuses_any_caller_once_reached_naming_the_count_and_a_closed_stream_frees_its_place()
    {
        var limiter = Limiter(perCaller: 5, total: 3);
        var first = limiter.Open("sub:a");
        using var second = limiter.Open("sub:b");
        using var third = limiter.Open("sub:c");

        var refused = Assert.Throws<RpcException>(() => limiter.Open("sub:d"));
        first.Dispose();
        first.Dispose();
        using var fourth = limiter.Open("sub:d");

        Assert.Equal(StatusCode.ResourceExhausted, refused.StatusCode);
        Assert.Contains("has 3 streams open; the limit is 3", refused.Status.Detail, StringComparison.Ordinal);
        Assert.Equal(3, limiter.OpenInTotal);
        Assert.Equal(0, limiter.OpenBy("sub:a"));
    }

    [Fact]
    public void Each_caller_has_its_own_limit_and_zero_switches_the_limits_off()
    {
        var limited = Limiter(perCaller: 2, total: 0);
        using var one = limited.Open("itdl:dataport");
        using var two = limited.Open("itdl:dataport");
        using var other = limited.Open("itdl:it-nrw");
        var refused = Assert.Throws<RpcException>(() => limited.Open("itdl:dataport"));
        var unlimited = Limiter(perCaller: 0, total: 0);
        var many = Enumerable.Range(0, 100).Select(_ => unlimited.Open("sub:a")).ToList();

        Assert.Contains("itdl:dataport has 2 streams open on this gateway; the limit is 2 per caller", refused.Status.Detail, StringComparison.Ordinal);
        Assert.Equal(100, unlimited.OpenBy("sub:a"));
        many.ForEach(slot => slot.Dispose());
        Assert.Equal(0, unlimited.OpenInTotal);
    }

    private static StreamLimiter Limiter(int perCaller, int total) =>
        new(Options.Create(new StreamLimitOptions { MaxPerCaller = perCaller, MaxTotal = total }));
}
