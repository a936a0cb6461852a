namespace OzgGrid.Benchmarks.Soak;

/// <summary>
/// How the soak runs: load for <paramref name="Duration"/>, a fault about every <paramref name="FaultInterval"/>
/// (at most <paramref name="MaxFaults"/>, 0: no limit), chosen by <paramref name="Seed"/>; <paramref name="StatusWriters"/>
/// IT-Dienstleister writers and <paramref name="Watchers"/> watchers; silo logs in <paramref name="LogDirectory"/>.
/// </summary>
public sealed record SoakOptions(TimeSpan Duration, TimeSpan FaultInterval, int MaxFaults, int Seed, int StatusWriters, int Watchers, string LogDirectory)
{
    /// <summary>Leistungen each writer cycles through.</summary>
    public const int LeistungenPerWriter = 6;

    /// <summary>How long the derived values, figures and watchers get to converge after the load has stopped.</summary>
    public static readonly TimeSpan ConvergenceDeadline = TimeSpan.FromSeconds(60);

    public string ToArguments() =>
        FormattableString.Invariant($"--minutes {Duration.TotalMinutes:0.##} --seed {Seed} --fault-interval {FaultInterval.TotalSeconds:0}") +
        (MaxFaults > 0 ? $" --max-faults {MaxFaults}" : string.Empty) + $" --writers {StatusWriters} --watchers {Watchers}";
}
