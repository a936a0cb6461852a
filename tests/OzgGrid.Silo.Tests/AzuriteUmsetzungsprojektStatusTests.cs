using OzgGrid.Silo.Tests.Hosting;

namespace OzgGrid.Silo.Tests;

public sealed class AzuriteUmsetzungsprojektStatusTests(ProgrammeClockFixture fixture) : UmsetzungsprojektStatusTests(fixture), IClassFixture<ProgrammeClockFixture>;
