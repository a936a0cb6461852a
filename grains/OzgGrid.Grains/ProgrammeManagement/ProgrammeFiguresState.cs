using System.Collections.Immutable;
using OzgGrid.Grains.Abstractions.Nachnutzung;
using OzgGrid.Grains.Abstractions.Termine;

namespace OzgGrid.Grains.ProgrammeManagement;

/// <summary>What the programme-management figures are counted from: the latest report of each Leistung, with its version.</summary>
[GenerateSerializer, Alias("ozg.ProgrammeFiguresState")]
public sealed record ProgrammeFiguresState
{
    [Id(0)]
    public ImmutableSortedDictionary<int, (EfaNachnutzung Efa, long Version)> Nachnutzung { get; init; } =
        ImmutableSortedDictionary<int, (EfaNachnutzung, long)>.Empty;

    [Id(1)]
    public ImmutableSortedDictionary<int, (UeberfaelligeLeistung Ueberfaellig, long Version)> Termine { get; init; } =
        ImmutableSortedDictionary<int, (UeberfaelligeLeistung, long)>.Empty;

    [Id(2)]
    public long Sequence { get; init; }
}
