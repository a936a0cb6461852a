namespace OzgGrid.Benchmarks.Soak;

/// <summary>
/// What converged after the load, within <see cref="SoakOptions.ConvergenceDeadline"/> each: Land Verfügbarkeiten
/// derived but not published, programme figures that differ from a recount, watchers that missed a change without a
/// snapshot or do not know the final versions; what ReconcileFigures reported afterwards; each problem described.
/// </summary>
public sealed record ConvergenceFindings(
    int UnpublishedDerived,
    int FigureDifferences,
    int WatcherChangesMissed,
    int WatchersBehind,
    string Reconciliation,
    IReadOnlyList<string> Problems)
{
    public int Unrepaired => UnpublishedDerived + FigureDifferences + WatcherChangesMissed + WatchersBehind;
}
