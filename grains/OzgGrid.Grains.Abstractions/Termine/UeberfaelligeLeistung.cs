using System.Collections.Immutable;

namespace OzgGrid.Grains.Abstractions.Termine;

/// <summary>A Leistung with the milestones it has missed (none: it is not overdue).</summary>
[GenerateSerializer, Immutable, Alias("ozg.UeberfaelligeLeistung")]
public sealed record UeberfaelligeLeistung(
    [property: Id(0)] int OzgId,
    [property: Id(1)] int ThemenfeldId,
    [property: Id(2)] ImmutableArray<Meilenstein> Meilensteine);
