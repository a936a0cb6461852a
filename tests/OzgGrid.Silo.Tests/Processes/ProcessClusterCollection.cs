namespace OzgGrid.Silo.Tests.Processes;

[CollectionDefinition(Name)]
public sealed class ProcessClusterCollection : ICollectionFixture<ProcessClusterFixture>
{
    public const string Name = "silo processes";
}
