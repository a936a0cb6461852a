namespace OzgGrid.Benchmarks.Soak;

/// <summary>
/// What reading back the Leistungen' histories and rollout entries found: acknowledged writes and reports checked and
/// lost (absent at their version, or another change there), and versions missing or doubled in a history; each
/// problem described in <see cref="Problems"/>.
/// </summary>
public sealed record HistoryFindings(int WritesChecked, int ReportsChecked, int Lost, int VersionGaps, IReadOnlyList<string> Problems);
