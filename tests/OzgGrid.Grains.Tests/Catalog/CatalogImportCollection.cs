namespace OzgGrid.Grains.Tests.Catalog;

/// <summary>The tests of the full catalogue import, on a cluster of their own.</summary>
[CollectionDefinition(Name)]
public sealed class CatalogImportCollection : ICollectionFixture<CatalogImportFixture>
{
    public const string Name = "catalog import";
}
