using System.Collections.Immutable;
using OzgGrid.Grains.Abstractions.Changes;
using OzgGrid.Grains.Abstractions.Leistungen;
using OzgGrid.Grains.Abstractions.Rollout;

namespace OzgGrid.Grains.Rollout;

/// <summary>The persisted rollout of one Leistung in one Kommune; version 0 means never reported.</summary>
[GenerateSerializer, Alias("ozg.RolloutEntryState")]
public sealed record RolloutEntryState
{
    [Id(0)]
    public KommuneVerfuegbarkeit Verfuegbarkeit { get; init; } = KommuneVerfuegbarkeit.Keine;

    [Id(1)]
    public int Reifegrad { get; init; } = Abstractions.Leistungen.Reifegrad.Offline;

    [Id(2)]
    public long Version { get; init; }

    [Id(3)]
    public ChangeStamp? LastChange { get; init; }

    /// <summary>
    /// The latest answered reports. An entry is kept small (millions are resident at once) and has no history of its
    /// own: the Land's rollout and the Leistung record what follows from it.
    /// </summary>
    [Id(4)]
    public ImmutableArray<RolloutEntryReceipt> Receipts { get; init; } = [];
}
