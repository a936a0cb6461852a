using OzgGrid.Benchmarks.Load;

namespace OzgGrid.Benchmarks.Throughput;

/// <summary>One run of a throughput benchmark: the baseline and OzgGrid, measured one after the other by the same load generator.</summary>
public sealed record ThroughputRunResult(int Run, LoadResult Baseline, LoadResult OzgGrid, string LoadAverage)
{
    /// <summary>OzgGrid's completed calls per second as a multiple of the baseline's.</summary>
    public double Ratio => Baseline.Throughput > 0 ? OzgGrid.Throughput / Baseline.Throughput : double.NaN;
}
