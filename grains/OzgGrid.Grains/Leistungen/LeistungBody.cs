using OzgGrid.Grains.Abstractions.Leistungen;

namespace OzgGrid.Grains.Leistungen;

/// <summary>A Leistung's own data; <see cref="Catalog"/> is null until the catalogue is imported.</summary>
[GenerateSerializer, Immutable, Alias("ozg.LeistungBody")]
public sealed record LeistungBody(
    [property: Id(0)] LeistungCatalogEntry? Catalog,
    [property: Id(1)] Zustaendigkeit? Zustaendigkeit,
    [property: Id(2)] LeistungStatus Status)
{
    public static LeistungBody Empty { get; } = new(null, null, LeistungStatus.Initial);
}
