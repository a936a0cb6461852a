namespace OzgGrid.Grains.Changes;

/// <summary>An answered write, kept so that a retry with the same request id gets the same answer.</summary>
[GenerateSerializer, Immutable]
public sealed record RecentWrite<TResult>(
    [property: Id(0)] string RequestId,
    [property: Id(1)] string Fingerprint,
    [property: Id(2)] TResult Result);
