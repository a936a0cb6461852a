using System.Collections.Immutable;
using Microsoft.Extensions.Logging;
using OzgGrid.Grains.Abstractions;
using OzgGrid.Grains.Abstractions.Changes;
using OzgGrid.Grains.Abstractions.Laender;
using OzgGrid.Grains.Abstractions.Monitoring;
using OzgGrid.Grains.Abstractions.Nachnutzung;
using OzgGrid.Grains.Abstractions.ProgrammeManagement;
using OzgGrid.Grains.Abstractions.Termine;

namespace OzgGrid.Grains.ProgrammeManagement;

/// <summary>
/// Keeps the EfA and overdue figures by deltas (a report moves its Leistung from the keys of its previous report to
/// those of the new one) and announces each change to the subscribed watchers and, one-way, to the programme
/// aggregator, which numbers it into the <c>WatchProgramme</c> streams. Counted here rather than in the aggregator:
/// these figures come from other grains than the Leistungen and change rarely, so the Leistung status path carries none
/// of their cost; the aggregator's recount compares its copy with this grain's figures.
/// </summary>
public sealed partial class ProgrammeFiguresGrain(
    [PersistentState("programme-management-figures", StorageNames.Aggregates)] IPersistentState<ProgrammeFiguresState> state,
    TimeProvider time,
    ILogger<ProgrammeFiguresGrain> logger) : Grain, IProgrammeFiguresGrain
{
    private readonly IPersistentState<ProgrammeFiguresState> _state = state;
    private readonly ILogger<ProgrammeFiguresGrain> _logger = logger;
    private FigureCounter _figures = new();
    private readonly Dictionary<IProgrammeEventObserver, DateTimeOffset> _observers = [];
    private readonly RecentProgrammeEvents _recent = new(IProgrammeFiguresGrain.RecentEvents);

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _figures = Recount(_state.State);
        return Task.CompletedTask;
    }

    public async Task ReportNachnutzungAsync(EfaNachnutzung efa, long version, ChangeStamp stamp)
    {
        var known = _state.State.Nachnutzung.TryGetValue(efa.OzgId, out var before);
        if (known && before.Version >= version)
        {
            return;
        }

        var changed = _figures.Move(known ? ProgrammeFigureKeys.Of(before.Efa) : [], ProgrammeFigureKeys.Of(efa));
        var live = efa.Laender.Where(l => l.Value == NachnutzungZustand.Live).Select(l => l.Key).ToList();
        var description = $"EfA-Leistung {efa.OzgId}: Umsetzungsland {Or(efa.Umsetzungsland)}, live nachgenutzt in {live.Count} Ländern ({Or(string.Join(", ", live))})";
        _state.State = _state.State with { Nachnutzung = _state.State.Nachnutzung.SetItem(efa.OzgId, (efa, version)) };
        await PublishAsync(new ProgrammeEvent(
            0, ProgrammeEventKind.NachnutzungGeaendert, efa.OzgId, description, stamp.ChangedAt, changed, stamp.ChangedBy,
            NachnutzungFields(known ? before.Efa : EfaNachnutzung.Empty(efa.OzgId), efa), [], [], efa));
    }

    public async Task ReportUeberfaelligAsync(UeberfaelligeLeistung ueberfaellig, long version, ChangeStamp stamp)
    {
        var known = _state.State.Termine.TryGetValue(ueberfaellig.OzgId, out var before);
        if (known && before.Version >= version)
        {
            return;
        }

        var wasOverdue = known ? before.Ueberfaellig.Meilensteine : [];
        var changed = _figures.Move(known ? ProgrammeFigureKeys.Of(before.Ueberfaellig) : [], ProgrammeFigureKeys.Of(ueberfaellig));
        _state.State = _state.State with { Termine = _state.State.Termine.SetItem(ueberfaellig.OzgId, (ueberfaellig, version)) };
        if (wasOverdue.SequenceEqual(ueberfaellig.Meilensteine))
        {
            await WriteOrForgetAsync();
            return;
        }

        var (kind, description) = ueberfaellig.Meilensteine.IsEmpty
            ? (ProgrammeEventKind.NichtMehrUeberfaellig, $"OZG-Leistung {ueberfaellig.OzgId} has no overdue milestone any more")
            : (ProgrammeEventKind.Ueberfaellig, $"OZG-Leistung {ueberfaellig.OzgId} is overdue: {string.Join("; ", ueberfaellig.Meilensteine)}");
        var fields = FieldChanges.Between(("ueberfaellig", FieldChanges.List(wasOverdue), FieldChanges.List(ueberfaellig.Meilensteine)));
        await PublishAsync(new ProgrammeEvent(
            0, kind, ueberfaellig.OzgId, description, stamp.ChangedAt, changed, stamp.ChangedBy, fields, ueberfaellig.Meilensteine, wasOverdue, null));
    }

    public Task AnnounceAsync(ProgrammeEvent programmeEvent) => PublishAsync(programmeEvent with { ChangedFigures = [] });

    public Task<ProgrammeFiguresSnapshot> GetSnapshotAsync() => Task.FromResult(Snapshot());

    public Task<NachnutzungReport> GetNachnutzungReportAsync()
    {
        var leistungen = _state.State.Nachnutzung.Values
            .Where(entry => entry.Efa.Umsetzungsland.Length > 0 || !entry.Efa.Laender.IsEmpty)
            .Select(entry => new LeistungNachnutzungFigures(
                entry.Efa.OzgId,
                entry.Efa.Umsetzungsland,
                (int)Figure(ProgrammeFigureKeys.Nachnutzer(entry.Efa.OzgId)),
                entry.Efa.Laender.Values.GroupBy(z => z).ToImmutableSortedDictionary(g => g.Key, g => g.Count())))
            .ToImmutableArray();
        var laender = LaenderRegister.All
            .Select(land => new LandNachnutzungFigures(
                land.Kuerzel,
                (int)Figure(ProgrammeFigureKeys.Bereitgestellt(land.Kuerzel)),
                (int)Figure(ProgrammeFigureKeys.Nachgenutzt(land.Kuerzel)),
                (int)(Figure(ProgrammeFigureKeys.LandNachnutzung(land.Kuerzel, NachnutzungZustand.Interessenbekundung))
                    + Figure(ProgrammeFigureKeys.LandNachnutzung(land.Kuerzel, NachnutzungZustand.Vertrag))
                    + Figure(ProgrammeFigureKeys.LandNachnutzung(land.Kuerzel, NachnutzungZustand.Anbindung)))))
            .ToImmutableArray();
        return Task.FromResult(new NachnutzungReport(leistungen, laender));
    }

    public Task<ImmutableArray<UeberfaelligeLeistung>> GetUeberfaelligeAsync() =>
        Task.FromResult(_state.State.Termine.Values.Select(entry => entry.Ueberfaellig).Where(u => !u.Meilensteine.IsEmpty).ToImmutableArray());

    public Task<ProgrammeFiguresSnapshot> SubscribeAsync(IProgrammeEventObserver observer)
    {
        // Real time, not the programme's clock: watchers renew by the wall clock.
        _observers[observer] = time.GetUtcNow();
        return Task.FromResult(Snapshot());
    }

    public Task<ProgrammeWatchStart> ResumeAsync(IProgrammeEventObserver observer, long after)
    {
        _observers[observer] = time.GetUtcNow();
        return Task.FromResult(_recent.Since(after, _state.State.Sequence) is { } missed
            ? new ProgrammeWatchStart(null, missed)
            : new ProgrammeWatchStart(Snapshot(), []));
    }

    public Task UnsubscribeAsync(IProgrammeEventObserver observer)
    {
        _observers.Remove(observer);
        return Task.CompletedTask;
    }

    private long Figure(string key) => _figures[key];

    private ProgrammeFiguresSnapshot Snapshot() =>
        new(_state.State.Sequence, _figures.ToImmutable());

    /// <summary>
    /// Persists the new counts with the event's number, then passes the event on to the programme aggregator and tells
    /// every watcher that is still subscribed, one-way: no watcher (nor its silo) can hold up this grain or the write
    /// that reported the change. Watchers that stop renewing expire.
    /// </summary>
    private async Task PublishAsync(ProgrammeEvent unnumbered)
    {
        _state.State = _state.State with { Sequence = _state.State.Sequence + 1 };
        await WriteOrForgetAsync();
        var programmeEvent = unnumbered with { Sequence = _state.State.Sequence };
        _recent.Add(programmeEvent);
        await ForwardAsync(programmeEvent);

        var expired = time.GetUtcNow() - IProgrammeFiguresGrain.ObserverExpiry;
        foreach (var gone in _observers.Where(o => o.Value < expired).Select(o => o.Key).ToList())
        {
            _observers.Remove(gone);
        }

        foreach (var observer in _observers.Keys.ToList())
        {
            try
            {
                _ = observer.OnEventAsync(programmeEvent);
            }
            catch (Exception exception)
            {
                _logger.LogWarning(exception, "A programme-management watcher could not be told of event {Sequence}; dropped", programmeEvent.Sequence);
                _observers.Remove(observer);
            }
        }
    }

    /// <summary>
    /// Writes the state the counts were moved to. When the write fails, the report was not taken: the grain deactivates,
    /// so that its state and counts are read from storage again and the reporter's next report is not ignored as known.
    /// </summary>
    private async Task WriteOrForgetAsync()
    {
        try
        {
            await _state.WriteStateAsync();
        }
        catch (Exception)
        {
            DeactivateOnIdle();
            throw;
        }
    }

    /// <summary>
    /// Passes the event on, one-way: neither this grain nor the write that reported the change waits for the aggregator
    /// (which reads this grain in its recount), nor fails with it. An event lost on the way is made up there: the next
    /// event shows the gap in the numbers, and the periodic recount covers a last one.
    /// </summary>
    private async Task ForwardAsync(ProgrammeEvent programmeEvent)
    {
        try
        {
            await GrainFactory.GetGrain<IProgrammeAggregatorGrain>(IProgrammeAggregatorGrain.Key).ApplyProgrammeEventsAsync([programmeEvent]);
        }
        catch (Exception exception)
        {
            _logger.LogWarning(exception, "Programme-management event {Sequence} was not sent to the programme aggregator; its recount makes it up",
                programmeEvent.Sequence);
        }
    }

    /// <summary>The Umsetzungsland and each Land's Nachnutzung that differ between the two reports.</summary>
    private static ImmutableArray<FieldChange> NachnutzungFields(EfaNachnutzung before, EfaNachnutzung after) =>
    [
        .. FieldChanges.Between(("umsetzungsland", before.Umsetzungsland, after.Umsetzungsland)),
        .. before.Laender.Keys.Union(after.Laender.Keys).Order(StringComparer.Ordinal)
            .Select(land => new FieldChange($"nachnutzung.{land}", before.ZustandIn(land).ToString(), after.ZustandIn(land).ToString()))
            .Where(field => field.Before != field.After),
    ];

    private static string Or(string text) => text.Length > 0 ? text : "-";
}
