using System.Collections.Immutable;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OzgGrid.Grains.Abstractions;
using OzgGrid.Grains.Abstractions.Catalog;
using OzgGrid.Grains.Abstractions.Changes;
using OzgGrid.Grains.Abstractions.Leistungen;
using OzgGrid.Grains.Abstractions.Monitoring;
using OzgGrid.Grains.Abstractions.ProgrammeManagement;
using OzgGrid.Grains.Abstractions.Themenfelder;
using Orleans.Concurrency;
using Orleans.Storage;

namespace OzgGrid.Grains.Monitoring;

/// <summary>
/// Counts every Leistung once, in the state it was last reported in: a change moves it between counters, a
/// duplicate or late report (version not newer) is ignored, and a recount from the Leistungen heals what was missed.
/// Beside them it holds a copy of the programme-management figures (EfA, overdue) as <see cref="IProgrammeFiguresGrain"/>
/// announces them: their events are numbered into the same sequence and published as changes of their Leistung.
/// </summary>
/// <remarks>
/// Reentrant, so that changes keep arriving while a recount waits for the Leistungen; everything that touches the
/// counters, the sequence, the hubs or the stored state runs under one gate, so batches are numbered and published
/// strictly in order.
/// </remarks>
[Reentrant]
public sealed class ProgrammeAggregatorGrain(
    [PersistentState("programme", StorageNames.Aggregates)] IPersistentState<ProgrammeAggregatorState> state,
    IOptions<MonitoringOptions> options,
    TimeProvider clock,
    ILogger<ProgrammeAggregatorGrain> logger) : Grain, IProgrammeAggregatorGrain, IDisposable
{
    public const string ReconciledBy = "ozggrid-abgleich";

    /// <summary>How long a hub may take for a batch (in-memory work on a live silo: milliseconds).</summary>
    private static readonly TimeSpan HubPublishTimeout = TimeSpan.FromSeconds(2);

    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly Dictionary<int, LeistungSummary> _counted = [];
    private readonly Dictionary<string, (IMonitoringHub Hub, DateTimeOffset SeenAt)> _hubs = [];
    private FigureCounter _figures = new();
    private long _epoch;
    private long _sequence;
    private bool _dirty;
    private Task<ReconciliationResult>? _reconciliation;

    /// <summary>The programme-management figures as last announced (keys "efa/…", "ueberfaellig/…"; never 0).</summary>
    private readonly Dictionary<string, long> _programmeFigures = new(StringComparer.Ordinal);

    /// <summary>The number of the last programme-management event taken; older ones are retries.</summary>
    private long _programmeSequence;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        foreach (var (ozgId, leistung) in state.State.Counted)
        {
            _counted[ozgId] = leistung;
        }

        _figures = FigureCounter.Recount(_counted.Values);

        // Hubs of silos that are gone fail on the first publish and are dropped then.
        foreach (var (silo, hub) in state.State.Hubs)
        {
            _hubs[silo] = (hub, clock.GetUtcNow());
        }

        // A new epoch before anything is published: sequence numbers of an earlier activation are never reused.
        // While a cluster forms, a second activation may exist for a moment; the one whose write loses gives way.
        _epoch = state.State.Epoch + 1;
        state.State = state.State with { Epoch = _epoch };
        await WriteOrGiveWayAsync(cancellationToken);

        var settings = options.Value;
        this.RegisterGrainTimer(PersistIfChangedAsync, settings.PersistInterval, settings.PersistInterval);
        this.RegisterGrainTimer(async _ => await ReconcileAsync(), settings.FirstReconciliationDelay, settings.ReconciliationInterval);

        // Not read here: the figures grain may be the caller that activated this grain, waiting for it.
        this.RegisterGrainTimer(async _ => await ReconcileProgrammeFiguresAsync(graceful: false), TimeSpan.Zero, Timeout.InfiniteTimeSpan);
        logger.LogInformation("Programme aggregator active in epoch {Epoch} with {Count} Leistungen counted", _epoch, _counted.Count);
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken) =>
        PersistIfChangedAsync(cancellationToken);

    public void Dispose() => _gate.Dispose();

    public async Task ApplyAsync(ImmutableArray<LeistungChanged> changes)
    {
        await _gate.WaitAsync();
        try
        {
            await CountAsync(changes, fromRecount: false);
        }
        finally
        {
            _gate.Release();
        }
    }

    public async Task ApplyProgrammeEventsAsync(ImmutableArray<ProgrammeEvent> events)
    {
        // A Leistung not counted yet (just after activation, before the first recount) is read before taking the gate.
        var uncounted = await Task.WhenAll(events.Select(e => e.OzgId).Distinct().Where(ozgId => !_counted.ContainsKey(ozgId))
            .Select(ozgId => GrainFactory.GetGrain<ILeistungGrain>(ozgId).GetSummaryAsync()));

        await _gate.WaitAsync();
        try
        {
            var published = ImmutableArray.CreateBuilder<PublishedChange>();
            foreach (var programmeEvent in events.OrderBy(e => e.Sequence))
            {
                if (programmeEvent.Sequence <= _programmeSequence)
                {
                    continue;
                }

                _programmeSequence = programmeEvent.Sequence;
                foreach (var figure in programmeEvent.ChangedFigures)
                {
                    SetProgrammeFigure(figure.Key, figure.Value);
                }

                if ((_counted.GetValueOrDefault(programmeEvent.OzgId) ?? uncounted.FirstOrDefault(l => l?.OzgId == programmeEvent.OzgId)) is not { } leistung)
                {
                    // Records exist only for Leistungen of the catalogue; should one be gone, its figures count all the same.
                    continue;
                }

                var change = new LeistungChanged(
                    leistung, KindOf(programmeEvent.Kind), new ChangeStamp(programmeEvent.ChangedBy, programmeEvent.At, string.Empty), programmeEvent.Fields);
                published.Add(new PublishedChange(++_sequence, change, leistung, programmeEvent.ChangedFigures, programmeEvent));
            }

            if (published.Count > 0)
            {
                await PublishAsync(new ChangeBatch(_epoch, published.ToImmutable()));
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    public Task<FiguresSnapshot> GetSnapshotAsync() =>
        Task.FromResult(new FiguresSnapshot(new MonitoringCursor(_epoch, _sequence), _figures.ToImmutable().SetItems(_programmeFigures)));

    public Task<MonitoringCursor> GetCursorAsync() => Task.FromResult(new MonitoringCursor(_epoch, _sequence));

    public async Task RegisterHubAsync(string siloName, IMonitoringHub hub)
    {
        await _gate.WaitAsync();
        try
        {
            var known = _hubs.ContainsKey(siloName);
            _hubs[siloName] = (hub, clock.GetUtcNow());
            if (!known)
            {
                state.State = state.State with { Hubs = _hubs.ToImmutableDictionary(h => h.Key, h => h.Value.Hub) };
                await WriteOrGiveWayAsync(CancellationToken.None);
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>One recount at a time: a request while one runs gets that one's result.</summary>
    public Task<ReconciliationResult> ReconcileAsync()
    {
        if (_reconciliation is not { IsCompleted: false })
        {
            _reconciliation = ReconcileOnceAsync();
        }

        return _reconciliation;
    }

    public Task<ImmutableArray<ProgressPoint>> GetProgressAsync(DateOnly firstDay, DateOnly lastDay) =>
        Task.FromResult(state.State.Progress.Values.Where(point => point.Day >= firstDay && point.Day <= lastDay).ToImmutableArray());

    private async Task<ReconciliationResult> ReconcileOnceAsync()
    {
        var programmeDrift = await ReconcileProgrammeFiguresAsync(graceful: true);

        // What was counted before the read: only a version counted then can show that the figures are ahead of a
        // Leistung; one counted while the read ran or during the grace below is simply newer than the read.
        var countedBeforeRead = _counted.ToDictionary(counted => counted.Key, counted => counted.Value.Version);
        var current = await ReadLeistungenAsync();

        // A Leistung newer than counted may only have its change still on the way through a silo's batcher: give the
        // batchers time to deliver before treating it as missed (the changes keep coming in meanwhile).
        if (current.Any(IsBehind))
        {
            await Task.Delay(options.Value.ReconciliationGrace, clock);
        }

        await _gate.WaitAsync();
        try
        {
            var stamp = new ChangeStamp(ReconciledBy, clock.GetUtcNow(), string.Empty);
            var missed = current
                .Where(leistung => IsBehind(leistung) || IsAhead(leistung))
                .Select(leistung => new LeistungChanged(leistung, ChangeKind.Abgleich, stamp, []))
                .ToImmutableArray();
            await CountAsync(missed, fromRecount: true);

            var recount = FigureCounter.Recount(_counted.Values);
            var drifted = _figures.DifferencesTo(recount);
            if (drifted.Count > 0)
            {
                logger.LogWarning("Programme figures had drifted from a recount in {Count} figures ({Figures}); corrected",
                    drifted.Count, string.Join(", ", drifted.Take(10)));
                _figures = recount;
                RecordProgress();
                await PublishAsync(new ChangeBatch(_epoch, [], Resync: true));
            }

            if (missed.Length > 0)
            {
                logger.LogWarning("Recount caught up with {Count} Leistungen the monitoring had counted differently", missed.Length);
            }

            return new ReconciliationResult(current.Length, missed.Length, [.. drifted.Concat(programmeDrift).Order(StringComparer.Ordinal)]);
        }
        finally
        {
            _gate.Release();
        }

        bool IsBehind(LeistungSummary leistung) => !_counted.TryGetValue(leistung.OzgId, out var counted) || counted.Version < leistung.Version;

        // Counted ahead of the Leistung itself before it was read, and nothing newer counted since: no change on the
        // way can explain it, so it is corrected at once.
        bool IsAhead(LeistungSummary leistung) =>
            countedBeforeRead.TryGetValue(leistung.OzgId, out var before) && before > leistung.Version
            && _counted.TryGetValue(leistung.OzgId, out var counted) && counted.Version == before;
    }

    private async Task<ImmutableArray<LeistungSummary>> ReadLeistungenAsync()
    {
        var themenfeldIds = await GrainFactory.GetGrain<ICatalogGrain>(ICatalogGrain.Key).GetThemenfeldIdsAsync();
        var perThemenfeld = await Task.WhenAll(themenfeldIds.Select(id => GrainFactory.GetGrain<IThemenfeldGrain>(id).RefreshIndexAsync()));
        return [.. perThemenfeld.SelectMany(leistungen => leistungen)];
    }

    /// <summary>
    /// Counts each Leistung in its reported state (call under the gate). A report is taken when it is newer than what
    /// was counted, or, coming from a recount of the Leistungen themselves, whenever it differs: the Leistung is the truth.
    /// </summary>
    private async Task CountAsync(ImmutableArray<LeistungChanged> changes, bool fromRecount)
    {
        var published = ImmutableArray.CreateBuilder<PublishedChange>();
        foreach (var change in changes)
        {
            var after = change.Leistung;
            var before = _counted.GetValueOrDefault(after.OzgId);
            if (before is not null && (fromRecount ? before.Version == after.Version : before.Version >= after.Version))
            {
                continue;
            }

            var changedFigures = _figures.Move(before, after);
            _counted[after.OzgId] = after;
            published.Add(new PublishedChange(++_sequence, change, before, changedFigures));
        }

        if (published.Count == 0)
        {
            return;
        }

        _dirty = true;
        RecordProgress();
        await PublishAsync(new ChangeBatch(_epoch, published.ToImmutable()));
    }

    /// <summary>
    /// Compares the copy of the programme-management figures with <see cref="IProgrammeFiguresGrain"/>'s (read outside
    /// the gate: that grain may be waiting for this one) and takes its figures when the copy is behind (events lost on
    /// the way) or differs at the same event number (drift); watchers then get a fresh snapshot.
    /// </summary>
    /// <param name="graceful">Give events still on their way a moment before treating the copy as behind.</param>
    /// <returns>The keys that differed.</returns>
    private async Task<IReadOnlyList<string>> ReconcileProgrammeFiguresAsync(bool graceful)
    {
        var takenBeforeRead = _programmeSequence;
        ProgrammeFiguresSnapshot source;
        try
        {
            var figuresGrain = GrainFactory.GetGrain<IProgrammeFiguresGrain>(IProgrammeFiguresGrain.Key);
            source = await figuresGrain.GetSnapshotAsync();
            if (graceful && source.Sequence > _programmeSequence)
            {
                await Task.Delay(options.Value.ReconciliationGrace, clock);
                source = await figuresGrain.GetSnapshotAsync();
            }
        }
        catch (Exception exception) when (exception is TimeoutException or OrleansException)
        {
            logger.LogWarning(exception, "Programme-management figures could not be read for the recount; next time");
            return [];
        }

        await _gate.WaitAsync();
        try
        {
            if (_programmeSequence > source.Sequence && _programmeSequence != takenBeforeRead)
            {
                // Newer events were taken while reading: the copy is ahead of what was read, nothing to correct. (Ahead
                // with nothing taken meanwhile cannot be explained by events on the way — the figures grain persists
                // an event's number before passing it on — so the copy is corrected below.)
                return [];
            }

            var drifted = _programmeFigures.Keys.Union(source.Figures.Keys)
                .Where(key => _programmeFigures.GetValueOrDefault(key) != source.Figures.GetValueOrDefault(key))
                .Order(StringComparer.Ordinal)
                .ToList();
            var behind = _programmeSequence != source.Sequence;
            _programmeSequence = source.Sequence;
            if (drifted.Count == 0)
            {
                return [];
            }


            _programmeFigures.Clear();
            foreach (var (key, value) in source.Figures)
            {
                SetProgrammeFigure(key, value);
            }

            if (graceful)
            {
                logger.LogWarning("Programme-management figures were {How} in {Count} figures ({Figures}); corrected",
                    behind ? "out of step with the figures grain" : "drifted", drifted.Count, string.Join(", ", drifted.Take(10)));
            }

            await PublishAsync(new ChangeBatch(_epoch, [], Resync: true));
            return drifted;
        }
        finally
        {
            _gate.Release();
        }
    }

    private void SetProgrammeFigure(string key, long value)
    {
        if (value == 0)
        {
            _programmeFigures.Remove(key);
        }
        else
        {
            _programmeFigures[key] = value;
        }
    }

    private static ChangeKind KindOf(ProgrammeEventKind kind) => kind switch
    {
        ProgrammeEventKind.Ueberfaellig => ChangeKind.Ueberfaellig,
        ProgrammeEventKind.NichtMehrUeberfaellig => ChangeKind.NichtMehrUeberfaellig,
        _ => ChangeKind.Nachnutzung,
    };

    private void RecordProgress()
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var point = new ProgressPoint(today, _figures[FigureKeys.Leistungen], _figures[FigureKeys.OzgKonform], _figures[FigureKeys.Online]);
        state.State = state.State with { Progress = state.State.Progress.SetItem(today, point) };
    }

    /// <summary>Publishes to every hub (call under the gate, so that batches leave in sequence order).</summary>
    private async Task PublishAsync(ChangeBatch batch)
    {
        var expired = clock.GetUtcNow() - (3 * options.Value.HubRefreshInterval);
        foreach (var silo in _hubs.Where(hub => hub.Value.SeenAt < expired).Select(hub => hub.Key).ToList())
        {
            logger.LogInformation("Monitoring hub of {Silo} stopped registering; dropped", silo);
            _hubs.Remove(silo);
        }

        var failed = await Task.WhenAll(_hubs.Select(async hub =>
        {
            try
            {
                // A hub whose silo is gone or stalled must not hold up the others (nor the next batch): it gets a
                // moment, then it is dropped, registers again by itself and resyncs its watchers.
                await hub.Value.Hub.OnChangesAsync(batch).WaitAsync(HubPublishTimeout);
                return null;
            }
            catch (Exception exception)
            {
                // The hub notices the gap in the sequence numbers and resyncs its watchers.
                logger.LogWarning(exception, "Monitoring hub of {Silo} did not take a batch; dropped until it registers again", hub.Key);
                return hub.Key;
            }
        }));
        foreach (var silo in failed.OfType<string>())
        {
            _hubs.Remove(silo);
        }
    }

    private async Task PersistIfChangedAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (!_dirty)
            {
                return;
            }

            _dirty = false;
            state.State = state.State with { Counted = _counted.ToImmutableDictionary() };
            try
            {
                await WriteOrGiveWayAsync(cancellationToken);
            }
            catch (Exception exception) when (exception is not InconsistentStateException)
            {
                _dirty = true;
                logger.LogWarning(exception, "Could not persist the programme figures; retrying");
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>
    /// Another activation wrote in between (possible for a moment while silos join or leave): this one deactivates,
    /// and the next call reaches the survivor, whose figures the recount keeps right.
    /// </summary>
    private async Task WriteOrGiveWayAsync(CancellationToken cancellationToken)
    {
        try
        {
            await state.WriteStateAsync(cancellationToken);
        }
        catch (InconsistentStateException)
        {
            logger.LogWarning("Programme aggregator state was written by another activation; deactivating in epoch {Epoch}", _epoch);
            DeactivateOnIdle();
            throw;
        }
    }
}
