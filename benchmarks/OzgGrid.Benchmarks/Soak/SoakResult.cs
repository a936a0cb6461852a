using OzgGrid.Benchmarks.Measurement;

namespace OzgGrid.Benchmarks.Soak;

/// <summary>
/// The outcome of a soak: acknowledged writes and reports, what reading back and convergence found, the faults and
/// recovery times (ms: until every writer was acknowledged again), every call outcome by source and status code, and
/// hostile calls answered otherwise than they should be.
/// </summary>
public sealed record SoakResult(
    int Seed,
    int WritesAcknowledged,
    int ReportsAcknowledged,
    HistoryFindings History,
    ConvergenceFindings Convergence,
    IReadOnlyList<InjectedFault> Faults,
    LatencyStats Recovery,
    int FaultsNotRecovered,
    IReadOnlyDictionary<(string Source, string Outcome), long> Outcomes,
    IReadOnlyDictionary<string, int> HostileMisanswered)
{
    public int Lost => History.Lost;

    /// <summary>Derived values, figures and watchers not repaired within the deadline, and version gaps (which nothing repairs).</summary>
    public int Unrepaired => Convergence.Unrepaired + History.VersionGaps;

    /// <summary>UNKNOWN and INTERNAL answered by a silo, and deadlines passed.</summary>
    public long Defects => Outcomes.Where(o => SoakLedger.IsDefect(o.Key.Outcome)).Sum(o => o.Value);

    public bool Passed => Lost == 0 && Unrepaired == 0 && Defects == 0 && FaultsNotRecovered == 0 && HostileMisanswered.Count == 0;

    public int FaultsOf(FaultKind kind) => Faults.Count(f => f.Kind == kind);
}
