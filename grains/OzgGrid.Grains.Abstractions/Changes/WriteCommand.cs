namespace OzgGrid.Grains.Abstractions.Changes;

/// <summary>
/// What every write carries: the caller's request id (a retry with the same id is applied once),
/// the version the caller expects (null: any), the caller's identity and, for an IT-Dienstleister, the limits of
/// what it may change (null: no limits, as for the programme management).
/// </summary>
[GenerateSerializer, Immutable, Alias("ozg.WriteCommand")]
public sealed record WriteCommand(
    [property: Id(0)] string RequestId,
    [property: Id(1)] long? ExpectedVersion,
    [property: Id(2)] string ChangedBy,
    [property: Id(3)] ItDienstleisterScope? Scope = null);
