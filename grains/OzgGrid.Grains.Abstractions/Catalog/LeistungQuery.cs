using OzgGrid.Grains.Abstractions.Leistungen;

namespace OzgGrid.Grains.Abstractions.Catalog;

/// <summary>A page of a Leistungen list: the filter, optionally one Themenfeld, and where the page starts.</summary>
[GenerateSerializer, Immutable, Alias("ozg.LeistungQuery")]
public sealed record LeistungQuery(
    [property: Id(0)] int? ThemenfeldId,
    [property: Id(1)] LeistungFilter Filter,
    [property: Id(2)] int AfterOzgId,
    [property: Id(3)] int Limit);
