namespace OzgGrid.Benchmarks.P3;

/// <summary>
/// A status change as one watcher received it: which version of which Leistung, and when (Stopwatch ticks).
/// <paramref name="Reconciled"/>: it came as an Abgleich from the aggregator's recount, not as the status change.
/// </summary>
public readonly record struct Arrival(int OzgId, long Version, long ReceivedAt, bool Reconciled);
