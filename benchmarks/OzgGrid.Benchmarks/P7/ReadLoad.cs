using OzgGrid.Benchmarks.Measurement;

namespace OzgGrid.Benchmarks.P7;

/// <summary>What the readers of one phase did: reads of each kind answered, failed, and the latency of all of them.</summary>
public sealed record ReadLoad(long Figures, long LeistungAsOf, long Changes, long Failed, string FailureSummary, LatencyStats Latency, double Seconds)
{
    public long Completed => Figures + LeistungAsOf + Changes;

    public double Throughput => Seconds > 0 ? Completed / Seconds : 0;
}
