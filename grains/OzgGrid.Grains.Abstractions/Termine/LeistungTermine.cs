using System.Collections.Immutable;

namespace OzgGrid.Grains.Abstractions.Termine;

/// <summary>The milestones of one Leistung and which of them are overdue as of the last check.</summary>
[GenerateSerializer, Immutable, Alias("ozg.LeistungTermine")]
public sealed record LeistungTermine(
    [property: Id(0)] int OzgId,
    [property: Id(1)] int ThemenfeldId,
    [property: Id(2)] ImmutableArray<Meilenstein> Meilensteine,
    [property: Id(3)] ImmutableArray<Meilenstein> Ueberfaellig);
