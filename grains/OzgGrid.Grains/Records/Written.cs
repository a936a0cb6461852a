using OzgGrid.Grains.Abstractions.Changes;

namespace OzgGrid.Grains.Records;

/// <summary>
/// The answer of a write: the record's data now, the version the write made (or found, when it changed nothing, or
/// made the first time, for a retry), that version's stamp and history entry (null only when a record without history
/// was left unchanged), and what happened.
/// </summary>
public sealed record Written<TBody, TChange>(TBody Body, long Version, ChangeStamp Stamp, TChange? Change, WriteOutcome Outcome)
    where TBody : class
    where TChange : IRecordedChange
{
    /// <summary>A replay of the record's newest version: its first attempt may have been stored without an answer.</summary>
    public bool ReplaysNewest { get; init; }

    /// <summary>
    /// Whether the write's change is to be passed on to what follows the record: made now, or the retry of its newest
    /// version, whose first attempt may have been stored though it was reported as failed, and so never passed on.
    /// Whoever follows takes a version once, so passing it on again is harmless.
    /// </summary>
    public bool PassOn => Outcome == WriteOutcome.Changed || (Outcome == WriteOutcome.Replayed && ReplaysNewest && Change is not null);
}
