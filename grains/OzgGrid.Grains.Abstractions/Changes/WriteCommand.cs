namespace OzgGrid.Grains.Abstractions.Changes;

/// <summary>
/// What every write carries: the caller's request id (a retry with the same id is applied once),
/// the version the caller expects (null: any), the caller's identity and, for an IT-Dienstleister, the limits of
/// what it may change (null: no limits, as for the programme management).
/// </summary>
/// <param name="Internal">
/// Made by OzgGrid itself, not on a caller's behalf. The gateway never sets it, so no token can reach the request ids
/// of OzgGrid's own writes.
/// </param>
[GenerateSerializer, Immutable, Alias("ozg.WriteCommand")]
public sealed record WriteCommand(
    [property: Id(0)] string RequestId,
    [property: Id(1)] long? ExpectedVersion,
    [property: Id(2)] string ChangedBy,
    [property: Id(3)] ItDienstleisterScope? Scope = null,
    [property: Id(4)] bool Internal = false)
{
    /// <summary>The caller whose request ids <see cref="RequestId"/> is one of.</summary>
    public CallerKind CallerKind =>
        Internal ? CallerKind.OzgGrid : Scope is null ? CallerKind.Subject : CallerKind.ItDienstleister;

    /// <summary>The caller's name within <see cref="CallerKind"/>: the subject, the IT-Dienstleister's id, or empty for OzgGrid.</summary>
    public string CallerId => CallerKind switch
    {
        CallerKind.OzgGrid => string.Empty,
        CallerKind.ItDienstleister => Scope!.ItDienstleisterId,
        _ => ChangedBy,
    };

    /// <summary>A write OzgGrid makes itself (rollout, deadline check, import), in the scope no token can name.</summary>
    public static WriteCommand ByOzgGrid(string requestId, string changedBy) => new(requestId, ExpectedVersion: null, changedBy, Internal: true);
}
