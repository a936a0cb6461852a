using OzgGrid.Silo.Tests.Hosting;

namespace OzgGrid.Silo.Tests;

public sealed class AzuriteProgrammeManagementMonitoringTests(ProgrammeClockFixture fixture) : ProgrammeManagementMonitoringTests(fixture), IClassFixture<ProgrammeClockFixture>;
