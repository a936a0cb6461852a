namespace OzgGrid.Grains.Reconciliation;

/// <summary>How often, and in what batches, derived values are compared with their sources (section OzgGrid:Reconciliation).</summary>
public sealed class ReconciliationOptions
{
    public const string Section = "OzgGrid:Reconciliation";

    /// <summary>
    /// How often the reconciliation runs (a reminder, so it runs after silo restarts too). This bounds how long a derived
    /// value stays wrong after a one-way message was lost. Below a minute the silo lowers Orleans' reminder minimum.
    /// </summary>
    public TimeSpan Period { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How many Leistungen (or Land rollouts) are compared at once; bounds the calls in flight.</summary>
    public int BatchSize { get; set; } = 50;
}
