namespace OzgGrid.Silo.Tests.Demo;

/// <summary>
/// A clock that stays at one moment (so that two runs of the simulator date their writes alike, even across midnight)
/// while its timers run in real time (the simulator's pacing still waits).
/// </summary>
public sealed class FixedDayClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
