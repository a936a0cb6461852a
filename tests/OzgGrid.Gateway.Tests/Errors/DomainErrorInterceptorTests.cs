using OzgGrid.Gateway.Tests.TestSupport;
using Grpc.Core;
using Microsoft.Extensions.Logging.Abstractions;
using Orleans.Runtime;
using Orleans.Storage;
using OzgGrid.Gateway.Errors;
using OzgGrid.Grains.Abstractions.Errors;
using OzgGrid.Protos.V1;

namespace OzgGrid.Gateway.Tests.Errors;

public sealed class DomainErrorInterceptorTests
{
    private const string Method = "/ozg.v1.LeistungService/UpdateLeistungStatus";

    private readonly DomainErrorInterceptor _interceptor = new(NullLogger<DomainErrorInterceptor>.Instance);

    [Fact]
    public async Task An_invalid_field_becomes_invalid_argument_naming_the_field()
    {
        var error = await CallThrowing(new InvalidFieldException("reifegrad", "reifegrad must be 0–4, not 5."));

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Equal("reifegrad: reifegrad must be 0–4, not 5.", error.Status.Detail);
    }

    [Fact]
    public async Task A_reused_request_id_becomes_invalid_argument_on_request_id()
    {
        var error = await CallThrowing(new RequestIdReusedException("r-1"));

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.StartsWith("request_id: ", error.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_version_conflict_becomes_failed_precondition_with_the_current_version_as_trailer()
    {
        var error = await CallThrowing(new VersionConflictException(3, 7));

        Assert.Equal(StatusCode.FailedPrecondition, error.StatusCode);
        Assert.Equal("7", error.Trailers.GetValue(DomainErrorInterceptor.CurrentVersionTrailer));
    }

    [Fact]
    public async Task A_rule_violation_becomes_failed_precondition()
    {
        var error = await CallThrowing(new RuleViolationException("Reifegrad 0 with Verfügbarkeit."));

        Assert.Equal(StatusCode.FailedPrecondition, error.StatusCode);
        Assert.Equal("Reifegrad 0 with Verfügbarkeit.", error.Status.Detail);
    }

    [Fact]
    public async Task An_unknown_leistung_becomes_not_found()
    {
        var error = await CallThrowing(new NotFoundException("There is no OZG-Leistung with OZG-ID 1."));

        Assert.Equal(StatusCode.NotFound, error.StatusCode);
    }

    [Fact]
    public async Task An_etag_conflict_becomes_aborted_not_unavailable()
    {
        var error = await CallThrowing(new InconsistentStateException("ETag mismatch"));

        Assert.Equal(StatusCode.Aborted, error.StatusCode);
    }

    [Fact]
    public async Task Cluster_and_timeout_faults_become_unavailable()
    {
        Assert.Equal(StatusCode.Unavailable, (await CallThrowing(new TimeoutException("no answer"))).StatusCode);
        Assert.Equal(StatusCode.Unavailable, (await CallThrowing(new OrleansException("silo gone"))).StatusCode);
    }

    [Fact]
    public async Task Any_other_fault_becomes_internal_without_its_message()
    {
        var error = await CallThrowing(new InvalidOperationException("connection string secret=42"));

        Assert.Equal(StatusCode.Internal, error.StatusCode);
        Assert.DoesNotContain("secret", error.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_cancelled_call_becomes_cancelled()
    {
        using var cancellation = new CancellationTokenSource();
        await cancellation.CancelAsync();

        var error = await CallThrowing(new OperationCanceledException(cancellation.Token), cancellation.Token);

        Assert.Equal(StatusCode.Cancelled, error.StatusCode);
    }

    [Fact]
    public async Task An_rpc_exception_passes_through_unchanged()
    {
        var thrown = new RpcException(new Status(StatusCode.InvalidArgument, "page_size: Must be 1–500."));

        var error = await CallThrowing(thrown);

        Assert.Same(thrown, error);
    }

    [Fact]
    public async Task A_successful_call_returns_its_response()
    {
        var expected = new GetLeistungResponse { Leistung = new Leistung { OzgId = 10000 } };

        var response = await _interceptor.UnaryServerHandler(
            new GetLeistungRequest { OzgId = 10000 }, new HttpServerCallContext(Method), (_, _) => Task.FromResult(expected));

        Assert.Same(expected, response);
    }

    private Task<RpcException> CallThrowing(Exception exception, CancellationToken cancellationToken = default) =>
        Assert.ThrowsAsync<RpcException>(() => _interceptor.UnaryServerHandler<GetLeistungRequest, GetLeistungResponse>(
            new GetLeistungRequest { OzgId = 10000 },
            new HttpServerCallContext(Method, cancellationToken: cancellationToken),
            (_, _) => Task.FromException<GetLeistungResponse>(exception)));
}
