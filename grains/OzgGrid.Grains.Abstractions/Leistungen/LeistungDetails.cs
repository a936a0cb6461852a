using OzgGrid.Grains.Abstractions.Changes;

namespace OzgGrid.Grains.Abstractions.Leistungen;

/// <summary>A Leistung whole: catalogue data, ownership (null while unassigned), status and version.</summary>
[GenerateSerializer, Immutable, Alias("ozg.LeistungDetails")]
public sealed record LeistungDetails(
    [property: Id(0)] LeistungCatalogEntry Catalog,
    [property: Id(1)] Zustaendigkeit? Zustaendigkeit,
    [property: Id(2)] LeistungStatus Status,
    [property: Id(3)] long Version,
    [property: Id(4)] ChangeStamp LastChange);
