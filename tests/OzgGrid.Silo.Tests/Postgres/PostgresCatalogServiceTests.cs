using OzgGrid.Silo.Tests.Hosting;

namespace OzgGrid.Silo.Tests.Postgres;

[Collection(PostgresGatewayCollection.Name)]
public sealed class PostgresCatalogServiceTests(PostgresGatewayFixture fixture) : CatalogServiceTests(fixture);
