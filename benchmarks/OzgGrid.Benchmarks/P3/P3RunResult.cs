using OzgGrid.Benchmarks.Measurement;

namespace OzgGrid.Benchmarks.P3;

/// <summary>The figures of one run of <see cref="P3MonitoringLatency"/>; latencies in milliseconds.</summary>
public sealed record P3RunResult(
    int Run,
    int Watchers,
    int Scheduled,
    int NotSent,
    int Applied,
    int Unchanged,
    int Failed,
    string FailureSummary,
    double AchievedRate,
    LatencyStats PacerLag,
    LatencyStats RoundTrip,
    LatencyStats Delivery,
    long ExpectedDeliveries,
    long MissingDeliveries,
    long ArrivedBeforeAck,
    long Duplicates,
    long DeliveredAsAbgleich,
    int FailedStreams,
    string StreamFailures,
    int Resyncs,
    double DrainSeconds,
    double CpuProcessPercent,
    double CpuMachinePercent)
{
    /// <summary>p99 of the delivery over p99 of the update's own round trip, under the same load.</summary>
    public double P99Ratio => Delivery.P99 / RoundTrip.P99;

    public double P50Ratio => Delivery.P50 / RoundTrip.P50;

    /// <summary>Every scheduled update acknowledged with a new version and delivered to every watcher, no stream lost.</summary>
    public bool Complete =>
        NotSent == 0 && Unchanged == 0 && Failed == 0 && MissingDeliveries == 0 && Duplicates == 0 && FailedStreams == 0 && Resyncs == 0;
}
