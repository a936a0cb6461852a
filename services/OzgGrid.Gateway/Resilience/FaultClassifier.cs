using Grpc.Core;
using OzgGrid.Grains.Abstractions.Errors;
using Orleans.Runtime;
using Orleans.Storage;

namespace OzgGrid.Gateway.Resilience;

/// <summary>Sorts what a call can throw into what the caller caused, what is worth a retry, and what says the back end is failing.</summary>
public static class FaultClassifier
{
    /// <summary>The caller's doing (bad input, no access, a stale version, a concurrent write): never retried, never a sign of an outage.</summary>
    public static bool IsCallerFault(Exception exception) => exception
        is RpcException
        or InvalidFieldException or NotFoundException or VersionConflictException or RuleViolationException
        or RequestIdReusedException or AccessDeniedException or CollectionLimitException
        or InconsistentStateException
        or OperationCanceledException;

    /// <summary>
    /// A fault of the cluster that a second attempt usually does not meet: a silo just died or is too busy, a message was
    /// rejected. Retrying a write is safe because writes are applied once per request id.
    /// </summary>
    public static bool IsTransientClusterFault(Exception exception) => exception
        is SiloUnavailableException or OrleansMessageRejectionException or GatewayTooBusyException;

    /// <summary>Anything else a grain call throws: storage or cluster failing. These open the circuit breaker.</summary>
    public static bool IsBackendFault(Exception exception) => !IsCallerFault(exception);
}
