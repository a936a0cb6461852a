using System.Collections.Immutable;
using Orleans.Concurrency;
using OzgGrid.Grains.Abstractions.ProgrammeManagement;

namespace OzgGrid.Grains.Abstractions.Monitoring;

/// <summary>
/// The programme-wide figures (one grain, key <see cref="Key"/>). Per-silo batchers feed it the changes of all
/// Leistungen; it numbers them, keeps the figures by deltas and publishes each batch to every silo's hub. The
/// programme-management figures (EfA-Nachnutzung, overdue Leistungen) join them from <see cref="IProgrammeFiguresGrain"/>,
/// which keeps them and passes each of its events here, one-way, to be numbered and published like a change of the Leistung.
/// </summary>
public interface IProgrammeAggregatorGrain : IGrainWithIntegerKey
{
    public const long Key = 0;

    Task ApplyAsync(ImmutableArray<LeistungChanged> changes);

    /// <summary>
    /// Events of the programme-management figures, in their order; one not newer than the last taken is ignored. The
    /// figures they moved take the values the events carry. One-way: the figures grain never waits for this grain,
    /// which reads the figures grain in its recount. An event lost on the way shows as a gap in the numbers of the
    /// next one, and the figures are then recounted from the figures grain; the periodic recount covers a last one.
    /// </summary>
    [OneWay]
    Task ApplyProgrammeEventsAsync(ImmutableArray<ProgrammeEvent> events);

    /// <summary>The Leistung figures and the programme-management figures (keys "efa/…", "ueberfaellig/…") together.</summary>
    Task<FiguresSnapshot> GetSnapshotAsync();

    /// <summary>The position of the last change published: a stream whose hub stays behind it has missed something.</summary>
    Task<MonitoringCursor> GetCursorAsync();

    /// <summary>A hub registers itself, and again periodically: hubs not heard from for a while are dropped.</summary>
    Task RegisterHubAsync(string siloName, IMonitoringHub hub);

    /// <summary>
    /// Recounts from the Leistungen, catches up what was missed and corrects drifted figures; the programme-management
    /// figures are compared with <see cref="IProgrammeFiguresGrain"/>'s and corrected likewise.
    /// </summary>
    Task<ReconciliationResult> ReconcileAsync();

    /// <summary>The headline figures at the end of each recorded day from <paramref name="firstDay"/> to <paramref name="lastDay"/>.</summary>
    Task<ImmutableArray<ProgressPoint>> GetProgressAsync(DateOnly firstDay, DateOnly lastDay);
}
