using OzgGrid.Silo.Tests.Hosting;

namespace OzgGrid.Silo.Tests.Postgres;

[Collection(PostgresGatewayCollection.Name)]
public sealed class PostgresThemenfeldServiceTests(PostgresGatewayFixture fixture) : ThemenfeldServiceTests(fixture);
