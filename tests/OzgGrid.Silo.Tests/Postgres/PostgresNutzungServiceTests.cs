using OzgGrid.Silo.Tests.Hosting;

namespace OzgGrid.Silo.Tests.Postgres;

[Collection(PostgresNutzungCollection.Name)]
public sealed class PostgresNutzungServiceTests(PostgresNutzungFixture fixture) : NutzungServiceTests(fixture);
