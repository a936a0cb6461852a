using OzgGrid.Silo.Tests.Hosting;

namespace OzgGrid.Silo.Tests.Postgres;

public sealed class PostgresAnschlussFristTests(PostgresProgrammeClockFixture fixture) : AnschlussFristTests(fixture), IClassFixture<PostgresProgrammeClockFixture>;
