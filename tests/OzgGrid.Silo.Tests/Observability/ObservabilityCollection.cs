namespace OzgGrid.Silo.Tests.Observability;

[CollectionDefinition(Name)]
public sealed class ObservabilityCollection : ICollectionFixture<ObservabilityFixture>
{
    public const string Name = "observability";
}
