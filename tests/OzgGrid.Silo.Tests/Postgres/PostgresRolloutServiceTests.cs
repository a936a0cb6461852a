using OzgGrid.Silo.Tests.Hosting;

namespace OzgGrid.Silo.Tests.Postgres;

[Collection(PostgresGatewayCollection.Name)]
public sealed class PostgresRolloutServiceTests(PostgresGatewayFixture fixture) : RolloutServiceTests(fixture);
