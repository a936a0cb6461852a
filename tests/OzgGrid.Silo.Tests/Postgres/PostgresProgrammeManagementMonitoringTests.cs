using OzgGrid.Silo.Tests.Hosting;

namespace OzgGrid.Silo.Tests.Postgres;

public sealed class PostgresProgrammeManagementMonitoringTests(PostgresProgrammeClockFixture fixture) : ProgrammeManagementMonitoringTests(fixture), IClassFixture<PostgresProgrammeClockFixture>;
