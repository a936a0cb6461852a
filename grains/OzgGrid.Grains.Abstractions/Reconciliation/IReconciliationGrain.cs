namespace OzgGrid.Grains.Abstractions.Reconciliation;

/// <summary>
/// Repairs every derived value from its source records (one grain, key <see cref="Key"/>): periodically, driven by a
/// reminder, and on request. Walks the sources in bounded batches, compares, and corrects through the owners' write
/// paths; nothing calls back into it, so it may wait on any grain.
/// </summary>
public interface IReconciliationGrain : IGrainWithIntegerKey
{
    public const long Key = 0;

    /// <summary>Registers the reminder with the configured period, unless it is registered with that period already.</summary>
    Task ScheduleAsync();

    /// <summary>Runs a reconciliation now (after one under way) and reports what it compared and corrected.</summary>
    Task<ReconciliationReport> RunAsync();
}
