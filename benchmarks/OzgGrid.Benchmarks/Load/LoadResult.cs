using OzgGrid.Benchmarks.Measurement;

namespace OzgGrid.Benchmarks.Load;

/// <summary>
/// What one closed-loop load measured: calls completed (and failed) within the measured time, their latency, and the
/// CPU used meanwhile by this process and by the whole machine (% of all cores), and the bytes the whole process
/// allocated meanwhile (host and load generator together, <see cref="GC.GetTotalAllocatedBytes(bool)"/>); the warm-up
/// it took and the methods the JIT compiled in the measured time, which show whether the side was measured warm; the
/// garbage collections in the measured time.
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

    /// <summary>Garbage collections of each generation in the measured time (a gen1 collection is counted in gen0 too).</summary>
    public (int Gen0, int Gen1, int Gen2) Collections { get; init; }

    /// <summary>The time the garbage collector paused the process in the measured time.</summary>
    public TimeSpan GcPause { get; init; }

    /// <summary>The share of the measured time the process was paused by the garbage collector.</summary>
    public double GcPausePercent => Seconds > 0 ? 100 * GcPause.TotalSeconds / Seconds : 0;

    /// <summary>Bytes the whole process allocated per completed call in the measured time.</summary>
    public double AllocatedBytesPerCall => Completed > 0 ? (double)AllocatedBytes / Completed : double.NaN;

    /// <summary>Completed calls per second of the measured time.</summary>
    public double Throughput => Seconds > 0 ? Completed / Seconds : 0;
}
