namespace OzgGrid.Silo.Tests.Hosting;

[CollectionDefinition(Name)]
public sealed class PostgresGatewayCollection : ICollectionFixture<PostgresGatewayFixture>
{
    public const string Name = "gateway-postgres";
}
