using System.Collections.Immutable;

namespace OzgGrid.Grains.Abstractions.Themenfelder;

/// <summary>What the catalogue says about a Themenfeld: its name, its Lagen and the OZG-IDs of its Leistungen.</summary>
[GenerateSerializer, Immutable, Alias("ozg.ThemenfeldCatalogEntry")]
public sealed record ThemenfeldCatalogEntry(
    [property: Id(0)] int ThemenfeldId,
    [property: Id(1)] string Name,
    [property: Id(2)] ImmutableArray<LageEntry> Lagen,
    [property: Id(3)] ImmutableArray<int> LeistungIds);
