using System.Diagnostics.Metrics;
using OzgGrid.Grains.Abstractions.Reconciliation;

namespace OzgGrid.Grains.Reconciliation;

/// <summary>Counts reconciliation runs and the derived values they corrected, in OzgGrid's meter.</summary>
public sealed class ReconciliationMetrics
{
    /// <summary>The silo exports this meter (OzgGridMetrics.MeterName).</summary>
    public const string MeterName = "OzgGrid";

    private readonly Counter<long> _runs;
    private readonly Counter<long> _corrections;

    public ReconciliationMetrics(IMeterFactory? meters)
    {
        var meter = meters?.Create(MeterName) ?? new Meter(MeterName);
        _runs = meter.CreateCounter<long>("ozggrid.reconciliation.runs", "{run}", "Reconciliation runs, by outcome (tag outcome: ok, failed).");
        _corrections = meter.CreateCounter<long>(
            "ozggrid.reconciliation.corrections", "{value}", "Derived values a reconciliation found wrong and corrected, by kind (tag kind).");
    }

    public void Completed(IEnumerable<DerivedValueCheck> checks)
    {
        _runs.Add(1, new KeyValuePair<string, object?>("outcome", "ok"));
        foreach (var check in checks.Where(check => !check.Corrected.IsEmpty))
        {
            _corrections.Add(check.Corrected.Length, new KeyValuePair<string, object?>("kind", check.Kind.ToString()));
        }
    }

    public void Failed() => _runs.Add(1, new KeyValuePair<string, object?>("outcome", "failed"));
}
