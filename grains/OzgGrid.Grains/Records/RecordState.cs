using System.Collections.Immutable;
using OzgGrid.Grains.Abstractions.Changes;

namespace OzgGrid.Grains.Records;

/// <summary>
/// The stored state of every record that takes writes: its own data (<see cref="Body"/>, null until its first write)
/// and what <see cref="VersionedRecord{TBody, TChange}"/> keeps for it — version, last change, the answered writes and
/// the newest changes that do not fill a page of its history yet.
/// </summary>
[GenerateSerializer, Alias("ozg.RecordState`2")]
public sealed record RecordState<TBody, TChange>
    where TBody : class
    where TChange : IRecordedChange
{
    /// <summary>The form this release stores; a state of a newer form is refused rather than misread.</summary>
    public const int CurrentSchema = 2;

    [Id(0)]
    public int Schema { get; init; } = CurrentSchema;

    [Id(1)]
    public TBody? Body { get; init; }

    [Id(2)]
    public long Version { get; init; }

    [Id(3)]
    public ChangeStamp? LastChange { get; init; }

    [Id(4)]
    public WriteReceipts Receipts { get; init; } = WriteReceipts.Empty;

    /// <summary>Schema 1 only: the newest changes before they were stored encoded (<see cref="Unsealed"/>); moved there when read.</summary>
    [Id(5)]
    public ImmutableList<TChange>? Schema1Unsealed { get; init; }

    /// <summary>The newest changes, oldest first, fewer than a page (see <see cref="HistoryPages{TChange}"/>).</summary>
    [Id(7)]
    public UnsealedChanges<TChange> Unsealed { get; init; } = UnsealedChanges<TChange>.Empty;

    /// <summary>How many full pages of the history are in the history storage.</summary>
    [Id(6)]
    public long SealedPages { get; init; }

    /// <summary>This state in the form this release stores (schema 1: its newest changes not yet encoded).</summary>
    public RecordState<TBody, TChange> Upgraded() => Schema >= CurrentSchema
        ? this
        : this with { Schema = CurrentSchema, Unsealed = UnsealedChanges<TChange>.Empty.AddRange(Schema1Unsealed ?? []), Schema1Unsealed = null };
}
