namespace OzgGrid.Grains.ProgrammeManagement;

/// <summary>
/// The clock milestones and dates are judged by. A service of its own (not the silo's <see cref="TimeProvider"/>, which
/// Orleans' timers use too) so that tests can move the programme's time forward without moving the cluster's.
/// </summary>
public sealed class ProgrammeClock(TimeProvider time)
{
    public DateTimeOffset Now => time.GetUtcNow();

    public DateOnly Today => DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
}
