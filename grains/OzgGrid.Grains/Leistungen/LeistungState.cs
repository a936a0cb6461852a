using System.Collections.Immutable;
using OzgGrid.Grains.Abstractions.Changes;
using OzgGrid.Grains.Abstractions.Leistungen;
using OzgGrid.Grains.Changes;

namespace OzgGrid.Grains.Leistungen;

/// <summary>The persisted state of a Leistung; <see cref="Catalog"/> is null until the catalogue is imported.</summary>
[GenerateSerializer, Alias("ozg.LeistungState")]
public sealed record LeistungState
{
    [Id(0)]
    public LeistungCatalogEntry? Catalog { get; init; }

    [Id(1)]
    public Zustaendigkeit? Zustaendigkeit { get; init; }

    [Id(2)]
    public LeistungStatus Status { get; init; } = LeistungStatus.Initial;

    [Id(3)]
    public long Version { get; init; }

    [Id(4)]
    public ChangeStamp? LastChange { get; init; }

    /// <summary>Answered writes as the first releases remembered them; moved into <see cref="Receipts"/> on activation.</summary>
    [Id(5)]
    public ImmutableArray<RecentWrite<LeistungWriteResult>> RecentWrites { get; init; } = [];

    /// <summary>The newest changes, oldest first, that do not fill a page of the history yet.</summary>
    [Id(6)]
    public ImmutableList<ChangeRecord> UnsealedChanges { get; init; } = [];

    /// <summary>How many full pages of the history are in the history storage (see <see cref="LeistungHistoryPages"/>).</summary>
    [Id(7)]
    public long SealedPages { get; init; }

    /// <summary>False for a Leistung whose history is still the one growing blob of the first releases.</summary>
    [Id(8)]
    public bool HistoryInPages { get; init; }

    /// <summary>Answered writes as releases before <see cref="Receipts"/> stored them; moved into it on activation.</summary>
    [Id(9)]
    public ImmutableArray<UnpackedWriteReceipt> UnpackedReceipts { get; init; } = [];

    /// <summary>The latest answered writes, so that a retry with the same request id gets the same answer.</summary>
    [Id(10)]
    public LeistungReceipts Receipts { get; init; } = LeistungReceipts.Empty;
}
