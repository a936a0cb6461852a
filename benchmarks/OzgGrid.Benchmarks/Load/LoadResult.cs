using OzgGrid.Benchmarks.Measurement;

namespace OzgGrid.Benchmarks.Load;

/// <summary>
/// What one closed-loop load measured: calls completed (and failed) within the measured time, their latency, and the
/// CPU used meanwhile by this process and by the whole machine (% of all cores).
/// </summary>
public sealed record LoadResult(
    long Completed,
    long Failed,
    string FailureSummary,
    double Seconds,
    LatencyStats Latency,
    double CpuProcessPercent,
    double CpuMachinePercent)
{
    /// <summary>Completed calls per second of the measured time.</summary>
    public double Throughput => Seconds > 0 ? Completed / Seconds : 0;
}
