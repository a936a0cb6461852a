using System.Collections.Immutable;
using Orleans.Concurrency;
using OzgGrid.Grains.Abstractions.Changes;
using OzgGrid.Grains.Abstractions.Nachnutzung;
using OzgGrid.Grains.Abstractions.Reconciliation;
using OzgGrid.Grains.Abstractions.Termine;

namespace OzgGrid.Grains.Abstractions.ProgrammeManagement;

/// <summary>
/// The programme-management figures (one grain, key <see cref="Key"/>): EfA-Nachnutzung and overdue Leistungen, kept by
/// deltas from what the Nachnutzung and Termine grains report after each accepted change, and announced to watchers.
/// A report that is not newer than what was counted is ignored. Every event also goes to the programme aggregator,
/// one-way (<see cref="Monitoring.IProgrammeAggregatorGrain.ApplyProgrammeEventsAsync"/>), which makes these figures
/// part of the programme figures and of the <c>WatchProgramme</c> streams. This grain never waits for the aggregator:
/// the aggregator reads it in its recount.
/// </summary>
public interface IProgrammeFiguresGrain : IGrainWithIntegerKey
{
    public const long Key = 0;

    /// <param name="stamp">Who made the change reported, and when.</param>
    Task ReportNachnutzungAsync(EfaNachnutzung efa, long version, ChangeStamp stamp);

    /// <param name="stamp">Who made the change reported (the deadline check: <c>ozggrid-fristpruefung</c>), and when.</param>
    Task ReportUeberfaelligAsync(UeberfaelligeLeistung ueberfaellig, long version, ChangeStamp stamp);

    /// <summary>
    /// Numbers an event that moves no figure (an Umsetzungsprojekt's or an Onlinedienst's change with <c>OzgId</c> 0; a change of a Leistung's Zuständigkeitsebene, FIM status or responsible Kommunen) and passes it on like the others. One-way:
    /// the record announcing it never waits.
    /// </summary>
    [OneWay]
    Task AnnounceAsync(ProgrammeEvent programmeEvent);

    Task<ProgrammeFiguresSnapshot> GetSnapshotAsync();

    Task<NachnutzungReport> GetNachnutzungReportAsync();

    /// <summary>The overdue Leistungen, ordered by OZG-ID.</summary>
    Task<ImmutableArray<UeberfaelligeLeistung>> GetUeberfaelligeAsync();

    /// <summary>Subscribes (or renews) a watcher; it is dropped when not renewed within <see cref="ObserverExpiry"/>.</summary>
    Task<ProgrammeFiguresSnapshot> SubscribeAsync(IProgrammeEventObserver observer);

    /// <summary>
    /// Subscribes (or renews) a watcher that has seen every event up to <paramref name="after"/>: it is given the events
    /// since, while the last <see cref="RecentEvents"/> of this activation hold them all, or else a snapshot.
    /// </summary>
    Task<ProgrammeWatchStart> ResumeAsync(IProgrammeEventObserver observer, long after);

    Task UnsubscribeAsync(IProgrammeEventObserver observer);

    /// <summary>
    /// Compares what is counted of each Leistung with its Nachnutzung record and takes the record where they differ
    /// (a report lost on its way, a counted entry gone wrong); what the periodic reconciliation calls.
    /// </summary>
    /// <returns>The counted entries corrected, from what was counted to what the record holds.</returns>
    Task<ImmutableArray<Correction>> ReconcileNachnutzungAsync(ImmutableArray<Recorded<EfaNachnutzung>> records);

    /// <summary>The same for the overdue milestones of the milestone records.</summary>
    Task<ImmutableArray<Correction>> ReconcileUeberfaelligAsync(ImmutableArray<Recorded<UeberfaelligeLeistung>> records);

    /// <summary>Counts the figures from scratch from what is counted of each Leistung and takes that count where it differs.</summary>
    /// <returns>The figures corrected, from their value before to the count.</returns>
    Task<ImmutableArray<Correction>> RecountFiguresAsync();

    /// <summary>How many of its latest events an activation holds for watchers that resume.</summary>
    public const int RecentEvents = 1024;

    public static readonly TimeSpan ObserverExpiry = TimeSpan.FromMinutes(2);
}
