using OzgGrid.Silo.Tests.Hosting;

namespace OzgGrid.Silo.Tests.Postgres;

public sealed class PostgresUmsetzungsprojektStatusTests(PostgresProgrammeClockFixture fixture) : UmsetzungsprojektStatusTests(fixture), IClassFixture<PostgresProgrammeClockFixture>;
