namespace OzgGrid.Benchmarks.Soak;

/// <summary>
/// A write OzgGrid acknowledged: the Leistung, the version it answered, the request id it was sent with, when (soak
/// time), and whether it changed the Leistung (a write that changes nothing answers the version as it is).
/// </summary>
public sealed record AcknowledgedWrite(int OzgId, long Version, string RequestId, string Kind, TimeSpan At, bool Changed);
