using OzgGrid.Grains.Abstractions.Themenfelder;

namespace OzgGrid.Grains.Themenfelder;

/// <summary>A Themenfeld's own data; <see cref="Catalog"/> is set by the first catalogue import.</summary>
[GenerateSerializer, Immutable, Alias("ozg.ThemenfeldBody")]
public sealed record ThemenfeldBody(
    [property: Id(0)] ThemenfeldCatalogEntry? Catalog,
    [property: Id(1)] Federfuehrung? Federfuehrung);
