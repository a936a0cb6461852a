using OzgGrid.Benchmarks.Measurement;

namespace OzgGrid.Benchmarks.Load;

/// <summary>
/// What one closed-loop load measured: calls completed (and failed) within the measured time, their latency, and the
/// CPU used meanwhile by this process and by the whole machine (% of all cores), and the bytes the whole process
/// allocated meanwhile (host and load generator together, <see cref="GC.GetTotalAllocatedBytes(bool)"/>); the warm-up
/// it took and the methods the JIT compiled in the measured time, which show whether the side was measured warm.
/// </summary>
public sealed record LoadResult(
    long Completed,
    long Failed,
    string FailureSummary,
    double Seconds,
    LatencyStats Latency,
    double CpuProcessPercent,
    double CpuMachinePercent,
    long AllocatedBytes)
{
    public TimeSpan Warmup { get; init; }

    /// <summary>Whether the JIT went quiet within the warm-up (<see cref="Load.JitQuiet"/>).</summary>
    public bool JitQuiet { get; init; }

    public long JitMethods { get; init; }

    /// <summary>Bytes the whole process allocated per completed call in the measured time.</summary>
    public double AllocatedBytesPerCall => Completed > 0 ? (double)AllocatedBytes / Completed : double.NaN;

    /// <summary>Completed calls per second of the measured time.</summary>
    public double Throughput => Seconds > 0 ? Completed / Seconds : 0;
}
