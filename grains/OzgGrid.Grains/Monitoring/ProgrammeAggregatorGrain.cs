using System.Collections.Immutable;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OzgGrid.Grains.Abstractions;
using OzgGrid.Grains.Abstractions.Leistungen;
using OzgGrid.Grains.Abstractions.Monitoring;
using OzgGrid.Grains.Abstractions.ProgrammeManagement;
using OzgGrid.Grains.Abstractions.Reconciliation;
using Orleans.Concurrency;

namespace OzgGrid.Grains.Monitoring;

/// <summary>
/// The programme figures, wired from parts with one job each: <see cref="LeistungTally"/> counts the Leistungen,
/// <see cref="ProgrammeFiguresCopy"/> holds the programme-management figures as <see cref="IProgrammeFiguresGrain"/>
/// announces them, <see cref="ChangeSequence"/> numbers what is published, <see cref="HubPublisher"/> hands it to the
/// silos' hubs, <see cref="LeistungRecount"/> and <see cref="ProgrammeFiguresRecount"/> heal what was missed,
/// <see cref="ProgressSeries"/> keeps the daily figures and <see cref="AggregatorStore"/> persists.
/// </summary>
/// <remarks>
/// Reentrant, so that changes keep arriving while a recount waits for the Leistungen; everything that touches the
/// counters, the sequence, the hubs or the stored state runs under one <see cref="AggregatorGate"/>, so batches are
/// numbered and published strictly in order.
/// </remarks>
[Reentrant]
public sealed class ProgrammeAggregatorGrain : Grain, IProgrammeAggregatorGrain, IDisposable
{
    private readonly AggregatorGate _gate = new();
    private readonly ChangeSequence _sequence = new();
    private readonly LeistungTally _tally = new();
    private readonly ProgrammeFiguresCopy _programmeFigures = new();
    private readonly ProgressSeries _progress;
    private readonly HubPublisher _hubs;
    private readonly AggregatorStore _store;
    private readonly LeistungRecount _leistungRecount;
    private readonly ProgrammeFiguresRecount _programmeRecount;
    private readonly MonitoringOptions _options;
    private readonly ILogger<ProgrammeAggregatorGrain> _logger;
    private Task<ReconciliationResult>? _reconciliation;
    private Task<ReconciliationResult>? _nextReconciliation;

    public ProgrammeAggregatorGrain(
        [PersistentState("programme", StorageNames.Aggregates)] IPersistentState<ProgrammeAggregatorState> state,
        IGrainFactory grains,
        IOptions<MonitoringOptions> options,
        TimeProvider clock,
        ILogger<ProgrammeAggregatorGrain> logger)
    {
        _options = options.Value;
        _logger = logger;
        _progress = new ProgressSeries(clock);
        _hubs = new HubPublisher(_options, clock, logger);
        _store = new AggregatorStore(state, Compose, DeactivateOnIdle, logger);
        _leistungRecount = new LeistungRecount(grains, _tally, _options, clock, logger);
        _programmeRecount = new ProgrammeFiguresRecount(grains, _programmeFigures, _options, clock, logger);
    }

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _tally.Restore(_store.Stored.Counted);
        _progress.Restore(_store.Stored.Progress);
        _hubs.Restore(_store.Stored.Hubs);
        _sequence.Start(await _store.BeginEpochAsync(cancellationToken));

        this.RegisterGrainTimer(PersistIfChangedAsync, _options.PersistInterval, _options.PersistInterval);
        this.RegisterGrainTimer(async _ => await ReconcileAsync(), _options.FirstReconciliationDelay, _options.ReconciliationInterval);

        // The copy of the programme-management figures starts empty: filled from the figures grain by a timer, so that
        // the activation (and the batches waiting for it) need not wait for that grain.
        this.RegisterGrainTimer(async _ => await ReconcileProgrammeFiguresAsync(graceful: false), TimeSpan.Zero, Timeout.InfiniteTimeSpan);
        _logger.LogInformation("Programme aggregator active in epoch {Epoch} with {Count} Leistungen counted", _sequence.Epoch, _tally.LeistungenCounted);
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken) =>
        PersistIfChangedAsync(cancellationToken);

    public void Dispose() => _gate.Dispose();

    private static LeistungSummary? Newest(LeistungSummary? counted, LeistungSummary? read) =>
        counted is null || (read is not null && read.Version > counted.Version) ? read : counted;

    public Task ApplyAsync(ImmutableArray<LeistungChanged> changes) => _gate.RunAsync(() => CountAsync(changes, fromRecount: false));

    public async Task ApplyProgrammeEventsAsync(ImmutableArray<ProgrammeEvent> events)
    {
        long lastTaken = 0;
        var afterGap = await _gate.RunAsync(async () =>
        {
            // Each Leistung is read as it is now, under the gate so that events are taken in the order they arrive (the
            // Leistung never waits for this grain): its milestone record checks on the Leistung's own notice, which can
            // arrive before the Leistung's change came through a silo's batcher, and the event shows the newer status.
            // An event about no Leistung (OZG-ID 0: an Umsetzungsprojekt's or an Onlinedienst's) is only numbered; nothing is read for it.
            var read = await Task.WhenAll(events.Select(e => e.OzgId).Where(ozgId => ozgId > 0).Distinct()
                .Select(ozgId => GrainFactory.GetGrain<ILeistungGrain>(ozgId).GetSummaryAsync()));
            lastTaken = _programmeFigures.Sequence;
            var (published, afterGap) = _programmeFigures.Take(events, ozgId => Newest(_tally.Find(ozgId), read.FirstOrDefault(l => l?.OzgId == ozgId)), _sequence);
            if (!published.IsEmpty)
            {
                await _hubs.PublishAsync(new ChangeBatch(_sequence.Epoch, published));
            }

            return afterGap;
        });

        if (afterGap)
        {
            // The events come one-way: one that was lost shows only here, as a number skipped. (Right after activation
            // the copy is still empty: nothing was lost, it is filled the same way.)
            if (lastTaken > 0)
            {
                _logger.LogWarning("Programme-management events after {Sequence} were lost on the way; recounting from the figures grain", lastTaken);
            }

            await ReconcileProgrammeFiguresAsync(graceful: true);
        }
    }

    public Task<FiguresSnapshot> GetSnapshotAsync() =>
        Task.FromResult(new FiguresSnapshot(_sequence.Cursor, _tally.Figures().SetItems(_programmeFigures.Figures)));

    public Task<MonitoringCursor> GetCursorAsync() => Task.FromResult(_sequence.Cursor);

    public Task RegisterHubAsync(string siloName, IMonitoringHub hub) =>
        _gate.RunAsync(() => _hubs.Register(siloName, hub) ? _store.WriteAsync(CancellationToken.None) : Task.CompletedTask);

    /// <summary>
    /// One recount at a time. A request while one runs gets the next one, which starts when it ends: the running one
    /// read the Leistungen before the request and may not see what the caller asks to be healed. Requests arriving
    /// meanwhile share that next one.
    /// </summary>
    public Task<ReconciliationResult> ReconcileAsync()
    {
        if (_reconciliation is not { IsCompleted: false } running)
        {
            _nextReconciliation = null;
            return _reconciliation = ReconcileOnceAsync();
        }

        return _nextReconciliation ??= AfterAsync(running);

        async Task<ReconciliationResult> AfterAsync(Task<ReconciliationResult> before)
        {
            await before.ContinueWith(static _ => { }, TaskScheduler.Current);
            _nextReconciliation = null;
            return await (_reconciliation = ReconcileOnceAsync());
        }
    }

    public Task<ImmutableArray<ProgressPoint>> GetProgressAsync(DateOnly firstDay, DateOnly lastDay) =>
        Task.FromResult(_progress.Between(firstDay, lastDay));

    private async Task<ReconciliationResult> ReconcileOnceAsync()
    {
        var programmeCorrections = await ReconcileProgrammeFiguresAsync(graceful: true);
        var reading = await _leistungRecount.ReadAsync();
        return await _gate.RunAsync(async () =>
        {
            var before = _tally.Figures();
            var missed = _leistungRecount.Missed(reading);
            await CountAsync(missed, fromRecount: true);
            var drifted = _leistungRecount.CorrectDrift();
            if (drifted.Count > 0)
            {
                _progress.Record(_tally);
                await PublishResyncAsync();
            }

            var corrections = FigureCorrections.Between(before, _tally.Figures()).AddRange(programmeCorrections);
            var driftedKeys = drifted.Concat(programmeCorrections.Select(correction => correction.Subject)).Order(StringComparer.Ordinal);
            return new ReconciliationResult(reading.Current.Length, missed.Length, [.. driftedKeys], corrections);
        });
    }

    /// <returns>The programme-management figures that differed, from the copy's value to the figures grain's.</returns>
    private async Task<ImmutableArray<Correction>> ReconcileProgrammeFiguresAsync(bool graceful)
    {
        // Read outside the gate, so that changes keep being published while the figures grain answers.
        if (await _programmeRecount.ReadAsync(graceful) is not { } reading)
        {
            return [];
        }

        return await _gate.RunAsync(async () =>
        {
            var before = _programmeFigures.Figures.ToImmutableDictionary();
            if (_programmeRecount.Correct(reading, graceful).Count == 0)
            {
                return [];
            }

            await PublishResyncAsync();
            return FigureCorrections.Between(before, _programmeFigures.Figures);
        });
    }

    /// <summary>Counts the changes and publishes what moved (call under the gate).</summary>
    private async Task CountAsync(ImmutableArray<LeistungChanged> changes, bool fromRecount)
    {
        var skipsVersions = VersionGaps.Any(changes, ozgId => _tally.Find(ozgId)?.Version);
        var published = _tally.Count(changes, fromRecount, _sequence);
        if (published.IsEmpty)
        {
            return;
        }

        _store.MarkChanged();
        _progress.Record(_tally);
        await _hubs.PublishAsync(new ChangeBatch(_sequence.Epoch, published));
        if (skipsVersions)
        {
            // Versions between were lost on their way (a silo died with them in its batcher) or overtaken by a later
            // one: no watcher saw them, so every watcher is told to start over from a snapshot.
            await PublishResyncAsync();
        }
    }

    /// <summary>The figures were corrected: watchers need a fresh snapshot (call under the gate).</summary>
    private Task PublishResyncAsync() => _hubs.PublishAsync(new ChangeBatch(_sequence.Epoch, [], Resync: true));

    private Task PersistIfChangedAsync(CancellationToken cancellationToken) =>
        _gate.RunAsync(() => _store.WriteIfChangedAsync(cancellationToken), cancellationToken);

    private ProgrammeAggregatorState Compose(ProgrammeAggregatorState stored) =>
        stored with { Counted = _tally.ToImmutable(), Progress = _progress.Points, Hubs = _hubs.Known() };
}
