using System.Collections.Immutable;

namespace OzgGrid.Grains.Abstractions.Monitoring;

/// <summary>
/// The programme-wide figures (one grain, key <see cref="Key"/>). Per-silo batchers feed it the changes of all
/// Leistungen; it numbers them, keeps the figures by deltas and publishes each batch to every silo's hub.
/// </summary>
public interface IProgrammeAggregatorGrain : IGrainWithIntegerKey
{
    public const long Key = 0;

    Task ApplyAsync(ImmutableArray<LeistungChanged> changes);

    Task<FiguresSnapshot> GetSnapshotAsync();

    /// <summary>The position of the last change published: a stream whose hub stays behind it has missed something.</summary>
    Task<MonitoringCursor> GetCursorAsync();

    /// <summary>A hub registers itself, and again periodically: hubs not heard from for a while are dropped.</summary>
    Task RegisterHubAsync(string siloName, IMonitoringHub hub);

    /// <summary>Recounts from the Leistungen, catches up what was missed and corrects drifted figures.</summary>
    Task<ReconciliationResult> ReconcileAsync();

    /// <summary>The headline figures at the end of each recorded day from <paramref name="firstDay"/> to <paramref name="lastDay"/>.</summary>
    Task<ImmutableArray<ProgressPoint>> GetProgressAsync(DateOnly firstDay, DateOnly lastDay);
}
