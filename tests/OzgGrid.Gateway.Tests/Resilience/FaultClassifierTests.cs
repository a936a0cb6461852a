using System.Runtime.CompilerServices;
using Grpc.Core;
using Orleans.Runtime;
using Orleans.Storage;
using OzgGrid.Gateway.Resilience;
using OzgGrid.Grains.Abstractions.Errors;

namespace OzgGrid.Gateway.Tests.Resilience;

public sealed class FaultClassifierTests
{
    public static TheoryData<Exception> CallerFaults() =>
    [
        new InvalidFieldException("reifegrad", "Must be 0–4, not 5."),
        new NotFoundException("There is no OZG-Leistung with OZG-ID 1."),
        new VersionConflictException(3, 7),
        new RuleViolationException("Reifegrad 0 with Verfügbarkeit."),
        new RequestIdReusedException("r-1"),
        new AccessDeniedException("Not assigned to this Leistung."),
        new RpcException(new Status(StatusCode.InvalidArgument, "page_size: Must be 1–500.")),
        new InconsistentStateException("ETag mismatch"),
        new OperationCanceledException(),
        new TaskCanceledException(),
    ];

    public static TheoryData<Exception> TransientClusterFaults() =>
    [
        new SiloUnavailableException("The silo is gone."),
        // Orleans raises it; its constructors are internal.
        (OrleansMessageRejectionException)RuntimeHelpers.GetUninitializedObject(typeof(OrleansMessageRejectionException)),
        new GatewayTooBusyException("The gateway is too busy."),
    ];

    public static TheoryData<Exception> OtherBackendFaults() =>
    [
        new TimeoutException("No answer within 30 s."),
        new InvalidOperationException("The storage answered nonsense."),
        new OrleansException("The cluster failed."),
    ];

    [Theory]
    [MemberData(nameof(CallerFaults))]
    public void A_caller_fault_is_neither_transient_nor_a_backend_fault(Exception exception)
    {
        Assert.True(FaultClassifier.IsCallerFault(exception));
        Assert.False(FaultClassifier.IsTransientClusterFault(exception));
        Assert.False(FaultClassifier.IsBackendFault(exception));
    }

    [Theory]
    [MemberData(nameof(TransientClusterFaults))]
    public void A_dead_silo_a_rejected_message_or_a_busy_gateway_is_transient_and_counts_against_the_backend(Exception exception)
    {
        Assert.True(FaultClassifier.IsTransientClusterFault(exception));
        Assert.True(FaultClassifier.IsBackendFault(exception));
        Assert.False(FaultClassifier.IsCallerFault(exception));
    }

    [Theory]
    [MemberData(nameof(OtherBackendFaults))]
    public void Any_other_fault_is_a_backend_fault_that_is_not_retried(Exception exception)
    {
        Assert.True(FaultClassifier.IsBackendFault(exception));
        Assert.False(FaultClassifier.IsTransientClusterFault(exception));
        Assert.False(FaultClassifier.IsCallerFault(exception));
    }
}
