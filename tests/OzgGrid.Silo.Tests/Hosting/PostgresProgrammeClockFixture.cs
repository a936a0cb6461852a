namespace OzgGrid.Silo.Tests.Hosting;

/// <summary>The host of <see cref="ProgrammeClockFixture"/> on the test PostgreSQL: the reminders that check dates are stored there.</summary>
public sealed class PostgresProgrammeClockFixture : ProgrammeClockFixture
{
    protected override IReadOnlyList<string> StoreSettings => TestStorage.PostgresSettings;
}
