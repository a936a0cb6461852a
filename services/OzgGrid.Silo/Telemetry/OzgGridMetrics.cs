using System.Diagnostics.Metrics;
using Grpc.Core;

namespace OzgGrid.Silo.Telemetry;

/// <summary>OzgGrid's own instruments (meter "OzgGrid"), exported with ASP.NET Core's and Orleans' through OpenTelemetry.</summary>
public sealed class OzgGridMetrics
{
    public const string MeterName = "OzgGrid";

    /// <summary>Seconds: from a few milliseconds (a batch flush) to the tens of seconds a stalled aggregator takes.</summary>
    private static readonly double[] LagBuckets = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60];

    private readonly Counter<long> _updatesAccepted;
    private readonly Counter<long> _updatesRefused;
    private readonly UpDownCounter<long> _activeStreams;
    private readonly Histogram<double> _monitoringLag;

    public OzgGridMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        _updatesAccepted = meter.CreateCounter<long>(
            "ozggrid.updates.accepted", "{update}", "UpdateLeistungStatus calls answered OK (a repeated request id counts again).");
        _updatesRefused = meter.CreateCounter<long>(
            "ozggrid.updates.refused", "{update}", "UpdateLeistungStatus calls refused or failed, by status code (tag reason).");
        _activeStreams = meter.CreateUpDownCounter<long>(
            "ozggrid.streams.active", "{stream}", "WatchProgramme streams open on this silo.");
        _monitoringLag = meter.CreateHistogram(
            "ozggrid.monitoring.lag", "s", "From a change accepted by a Leistung to its arrival at this silo's monitoring hub.",
            tags: null, advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = LagBuckets });
    }

    public void UpdateAccepted() => _updatesAccepted.Add(1);

    public void UpdateRefused(StatusCode reason) => _updatesRefused.Add(1, new KeyValuePair<string, object?>("reason", reason.ToString()));

    public void StreamOpened() => _activeStreams.Add(1);

    public void StreamClosed() => _activeStreams.Add(-1);

    public void MonitoringLag(TimeSpan lag) => _monitoringLag.Record(Math.Max(0, lag.TotalSeconds));
}
