using Grpc.Core;
using Microsoft.Extensions.Logging.Abstractions;
using OzgGrid.Gateway.Errors;
using OzgGrid.Gateway.Tests.TestSupport;
using OzgGrid.Gateway.Validation;
using OzgGrid.Protos.V1;

namespace OzgGrid.Gateway.Tests.Resilience;

/// <summary>
/// Hostile input echoed back must not blow up the response headers: <see cref="DomainErrorInterceptor"/> caps every
/// unary status message and <see cref="RequestGuard.Quote"/> shows callers' values short and without control characters.
/// </summary>
public sealed class EchoedInputLimitTests
{
    private const string Method = "/ozg.v1.LeistungService/GetLeistung";

    [Fact]
    public async Task An_rpc_exception_with_a_huge_detail_is_passed_on_with_its_status_and_trailers_and_the_detail_capped()
    {
        var interceptor = new DomainErrorInterceptor(NullLogger<DomainErrorInterceptor>.Instance);
        var trailers = new Metadata { { "ozg-test", "kept" } };
        var thrown = new RpcException(new Status(StatusCode.InvalidArgument, new string('x', 10_000)), trailers);

        var error = await Assert.ThrowsAsync<RpcException>(() => interceptor.UnaryServerHandler<GetLeistungRequest, GetLeistungResponse>(
            new GetLeistungRequest { OzgId = 10000 },
            new HttpServerCallContext(Method),
            (_, _) => Task.FromException<GetLeistungResponse>(thrown)));

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Equal(RequestGuard.MaxDetailLength, error.Status.Detail.Length);
        Assert.EndsWith("…", error.Status.Detail, StringComparison.Ordinal);
        Assert.Equal("kept", error.Trailers.GetValue("ozg-test"));
    }

    [Fact]
    public void A_long_value_is_quoted_as_its_first_40_characters_and_an_ellipsis()
    {
        var quoted = RequestGuard.Quote(new string('a', 40) + new string('b', 960));

        Assert.Equal($"'{new string('a', 40)}…'", quoted);
    }

    [Fact]
    public void A_value_of_40_characters_is_quoted_whole()
    {
        var value = new string('a', 40);

        Assert.Equal($"'{value}'", RequestGuard.Quote(value));
    }

    [Fact]
    public void Control_characters_in_a_quoted_value_are_replaced()
    {
        Assert.Equal("'NW???x'", RequestGuard.Quote("NW\r\n\0x"));
    }
}
