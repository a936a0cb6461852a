using OzgGrid.Silo.Tests.Hosting;

namespace OzgGrid.Silo.Tests.Postgres;

[Collection(PostgresGatewayCollection.Name)]
public sealed class PostgresKommunenRegisterServiceTests(PostgresGatewayFixture fixture) : KommunenRegisterServiceTests(fixture);
