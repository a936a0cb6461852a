using OzgGrid.Benchmarks.Load;

namespace OzgGrid.Benchmarks.Throughput;

/// <summary>
/// One run of a throughput benchmark: the baseline and OzgGrid, measured one after the other by the same load
/// generator, and (P1) the floor: the same host and gateway whose updates are one call of a grain that does nothing.
/// </summary>
public sealed record ThroughputRunResult(int Run, LoadResult Baseline, LoadResult OzgGrid, string LoadAverage, LoadResult? Floor = null)
{
    /// <summary>OzgGrid's completed calls per second as a multiple of the baseline's.</summary>
    public double Ratio => Baseline.Throughput > 0 ? OzgGrid.Throughput / Baseline.Throughput : double.NaN;

    /// <summary>OzgGrid's completed calls per second as a multiple of the floor's; NaN without a floor.</summary>
    public double FloorRatio => Floor is { Throughput: > 0 } floor ? OzgGrid.Throughput / floor.Throughput : double.NaN;
}
