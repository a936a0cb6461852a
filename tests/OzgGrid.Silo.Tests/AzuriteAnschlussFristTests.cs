using OzgGrid.Silo.Tests.Hosting;

namespace OzgGrid.Silo.Tests;

public sealed class AzuriteAnschlussFristTests(ProgrammeClockFixture fixture) : AnschlussFristTests(fixture), IClassFixture<ProgrammeClockFixture>;
