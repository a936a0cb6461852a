namespace OzgGrid.Silo.Tests.Hosting;

/// <summary>The usage tests share one host; they run one after another, since one of them moves its programme clock.</summary>
[CollectionDefinition(Name)]
public sealed class NutzungCollection : ICollectionFixture<NutzungFixture>
{
    public const string Name = "Nutzung";
}
