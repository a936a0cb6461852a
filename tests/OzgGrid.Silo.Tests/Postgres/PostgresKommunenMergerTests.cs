using OzgGrid.Silo.Tests.Hosting;

namespace OzgGrid.Silo.Tests.Postgres;

[Collection(PostgresGatewayCollection.Name)]
public sealed class PostgresKommunenMergerTests(PostgresGatewayFixture fixture) : KommunenMergerTests(fixture);
