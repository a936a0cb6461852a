namespace OzgGrid.Benchmarks.Soak;

/// <summary>
/// Sends one write to a Leistung: its OZG-ID, the request id (the same on every retry), the version it must be at,
/// and which visit of the writer this is (so that each visit asks for another value). Answers the version and
/// whether this request changed the Leistung.
/// </summary>
public delegate Task<(long Version, bool Changed)> WriteAttempt(int ozgId, string requestId, long expectedVersion, int visit, CancellationToken cancellationToken);
