namespace OzgGrid.Silo.Tests.Hosting;

[CollectionDefinition(Name)]
public sealed class TwoSiloCollection : ICollectionFixture<TwoSiloFixture>
{
    public const string Name = "two silos";
}
