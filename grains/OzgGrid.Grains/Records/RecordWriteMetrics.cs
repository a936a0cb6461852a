using System.Diagnostics.Metrics;
using OzgGrid.Grains.Reconciliation;

namespace OzgGrid.Grains.Records;

/// <summary>
/// How long the state writes of records take, and how many fail, per state name, in OzgGrid's meter. Records write
/// their state through the storage itself, not through Orleans' state bridge, so Orleans' own storage metrics (and the
/// dashboard's storage figures) do not count them.
/// </summary>
public sealed class RecordWriteMetrics
{
    private readonly Histogram<double> _duration;
    private readonly Counter<long> _failures;

    public RecordWriteMetrics(IMeterFactory? meters)
    {
        var meter = meters?.Create(ReconciliationMetrics.MeterName) ?? new Meter(ReconciliationMetrics.MeterName);
        _duration = meter.CreateHistogram<double>("ozggrid.record.write.duration", "ms", "State writes of records that storage took, by state name (tag state).");
        _failures = meter.CreateCounter<long>("ozggrid.record.write.failures", "{write}", "State writes of records that failed, by state name (tag state).");
    }

    public void Written(string state, TimeSpan elapsed) => _duration.Record(elapsed.TotalMilliseconds, new KeyValuePair<string, object?>("state", state));

    public void Failed(string state) => _failures.Add(1, new KeyValuePair<string, object?>("state", state));
}
