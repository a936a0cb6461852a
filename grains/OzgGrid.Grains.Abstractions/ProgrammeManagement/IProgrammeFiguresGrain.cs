using System.Collections.Immutable;
using OzgGrid.Grains.Abstractions.Nachnutzung;
using OzgGrid.Grains.Abstractions.Termine;

namespace OzgGrid.Grains.Abstractions.ProgrammeManagement;

/// <summary>
/// The programme-management figures (one grain, key <see cref="Key"/>): EfA-Nachnutzung and overdue Leistungen, kept by
/// deltas from what the Nachnutzung and Termine grains report after each accepted change, and announced to watchers.
/// A report that is not newer than what was counted is ignored.
/// </summary>
public interface IProgrammeFiguresGrain : IGrainWithIntegerKey
{
    public const long Key = 0;

    Task ReportNachnutzungAsync(EfaNachnutzung efa, long version);

    Task ReportUeberfaelligAsync(UeberfaelligeLeistung ueberfaellig, long version);

    Task<ProgrammeFiguresSnapshot> GetSnapshotAsync();

    Task<NachnutzungReport> GetNachnutzungReportAsync();

    /// <summary>The overdue Leistungen, ordered by OZG-ID.</summary>
    Task<ImmutableArray<UeberfaelligeLeistung>> GetUeberfaelligeAsync();

    /// <summary>Subscribes (or renews) a watcher; it is dropped when not renewed within <see cref="ObserverExpiry"/>.</summary>
    Task<ProgrammeFiguresSnapshot> SubscribeAsync(IProgrammeEventObserver observer);

    Task UnsubscribeAsync(IProgrammeEventObserver observer);

    public static readonly TimeSpan ObserverExpiry = TimeSpan.FromMinutes(2);
}
