namespace OzgGrid.Silo.Tests.Processes;

[CollectionDefinition(Name)]
public sealed class PostgresProcessClusterCollection : ICollectionFixture<PostgresProcessClusterFixture>
{
    public const string Name = "silo processes on PostgreSQL";
}
