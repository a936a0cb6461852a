using OzgGrid.Silo.Tests.Hosting;

namespace OzgGrid.Silo.Tests.Postgres;

[Collection(PostgresNutzungCollection.Name)]
public sealed class PostgresNutzungsBefundeTests(PostgresNutzungFixture fixture) : NutzungsBefundeTests(fixture);
