namespace OzgGrid.Grains.Abstractions.Rollout;

/// <summary>Why one entry of a report was not applied; the gateway maps the kind to a gRPC status.</summary>
public enum RolloutRefusal
{
    InvalidArgument = 1,
    NotFound = 2,
    PermissionDenied = 3,
    FailedPrecondition = 4,
    Unavailable = 5,
}
