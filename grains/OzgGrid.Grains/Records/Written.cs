using OzgGrid.Grains.Abstractions.Changes;

namespace OzgGrid.Grains.Records;

/// <summary>
/// The answer of a write: the record's data now, the version the write made (or found, when it changed nothing, or
/// made the first time, for a retry), that version's stamp and history entry (null only when a record without history
/// was left unchanged), and what happened.
/// </summary>
public sealed record Written<TBody, TChange>(TBody Body, long Version, ChangeStamp Stamp, TChange? Change, WriteOutcome Outcome)
    where TBody : class
    where TChange : IRecordedChange;
