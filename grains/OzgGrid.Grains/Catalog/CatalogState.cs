using OzgGrid.Grains.Abstractions.Catalog;

namespace OzgGrid.Grains.Catalog;

[GenerateSerializer, Alias("ozg.CatalogState")]
public sealed record CatalogState
{
    [Id(0)]
    public CatalogImportReport? LastImport { get; init; }
}
