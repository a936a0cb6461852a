using System.Collections.Immutable;
using OzgGrid.Grains.Abstractions.Changes;
using OzgGrid.Grains.Abstractions.Leistungen;
using OzgGrid.Grains.Abstractions.Monitoring;
using OzgGrid.Grains.Abstractions.Nachnutzung;
using OzgGrid.Grains.Abstractions.ProgrammeManagement;
using OzgGrid.Grains.Abstractions.Termine;
using OzgGrid.Grains.Monitoring;

namespace OzgGrid.Grains.Tests.Monitoring;

/// <summary>
/// The EfA and overdue figures as part of the programme aggregator: the Nachnutzung and Termine grains report to the
/// figures grain, which passes its events on; the aggregator publishes them to the hubs as changes of their Leistung,
/// serves the figures in its snapshot and corrects its copy by its recount. Each test uses fresh Leistungen in fresh
/// Themenfelder and looks at their figures only (the aggregator is shared by the whole cluster).
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class ProgrammeManagementFiguresTests(ClusterFixture fixture) : IDisposable
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(20);

    private readonly IGrainFactory _grains = fixture.Grains;
    private readonly TestCatalog _catalog = new(fixture.Grains);
    private readonly IProgrammeAggregatorGrain _aggregator = fixture.Grains.GetGrain<IProgrammeAggregatorGrain>(IProgrammeAggregatorGrain.Key);
    private readonly MonitoringHub _hub = fixture.GetSiloService<MonitoringHub>();
    private readonly HubSubscription _subscription = fixture.GetSiloService<MonitoringHub>().Subscribe(null);

    private DateOnly Today => DateOnly.FromDateTime(fixture.ProgrammeTime.GetUtcNow().UtcDateTime);

    [Fact]
    public async Task A_nachnutzung_change_moves_the_programme_figures_and_is_published_as_a_change_of_its_leistung()
    {
        var leistung = await _catalog.AddLeistungAsync();
        var ozgId = (int)leistung.GetPrimaryKeyLong();
        var efa = _grains.GetGrain<INachnutzungGrain>(ozgId);
        var providedBefore = await FigureAsync(ProgrammeFigureKeys.Bereitgestellt("HB"));

        await efa.SetUmsetzungslandAsync(WriteCommands.New("fitko-anna"), "HB");
        await efa.SetZustandAsync(WriteCommands.New("fitko-anna"), "SL", NachnutzungZustand.Live, overrideByManagement: true);

        var published = await PublishedAsync(c => c.ProgrammeEvent?.OzgId == ozgId && c.ChangedFigures.Any(f => f.Key == ProgrammeFigureKeys.Nachnutzer(ozgId)),
            $"the Nachnutzung of {ozgId} published");
        Assert.Equal(ChangeKind.Nachnutzung, published.Change.Kind);
        Assert.Equal(ozgId, published.Change.Leistung.OzgId);
        Assert.Equal(published.Before, published.Change.Leistung);
        Assert.Equal("fitko-anna", published.Change.Stamp.ChangedBy);
        Assert.Contains(new FieldChange("nachnutzung.SL", "KeinInteresse", "Live"), published.Change.Fields);
        Assert.Equal("HB", published.ProgrammeEvent!.Nachnutzung!.Umsetzungsland);
        Assert.Contains(new Figure(ProgrammeFigureKeys.Nachnutzer(ozgId), 1), published.ChangedFigures);
        var snapshot = await _aggregator.GetSnapshotAsync();
        Assert.Equal(1, snapshot.Figures[ProgrammeFigureKeys.Nachnutzer(ozgId)]);
        Assert.Equal(providedBefore + 1, snapshot.Figures[ProgrammeFigureKeys.Bereitgestellt("HB")]);
        Assert.True(snapshot.Cursor.Sequence >= published.Sequence, "The snapshot should count the published change.");
    }

    [Fact]
    public async Task A_passed_milestone_is_published_with_the_milestone_and_catching_up_is_noticed_when_the_leistung_changes()
    {
        var leistung = await _catalog.AddLeistungAsync();
        var ozgId = (int)leistung.GetPrimaryKeyLong();
        var themenfeldId = (await leistung.GetSummaryAsync())!.ThemenfeldId;
        var termine = _grains.GetGrain<ITermineGrain>(ozgId);
        var milestone = new Meilenstein(Umsetzungsphase.Umsetzung, "RP", Today.AddDays(3), string.Empty);
        await termine.SetMeilensteinAsync(WriteCommands.New(), milestone);
        fixture.ProgrammeTime.Advance(TimeSpan.FromDays(4));

        await termine.CheckDeadlinesAsync();

        var overdue = await PublishedAsync(c => c.ProgrammeEvent?.OzgId == ozgId && c.Change.Kind == ChangeKind.Ueberfaellig, $"{ozgId} published overdue");
        Assert.Equal([milestone], overdue.ProgrammeEvent!.Ueberfaellig.ToArray());
        Assert.Empty(overdue.ProgrammeEvent.VorherUeberfaellig);
        Assert.Contains(new Figure(ProgrammeFigureKeys.UeberfaelligThemenfeld(themenfeldId), 1), overdue.ChangedFigures);
        Assert.Equal(1, await FigureAsync(ProgrammeFigureKeys.UeberfaelligThemenfeld(themenfeldId)));

        // No check is called here: the aggregator sees the overdue Leistung change and has its milestones checked.
        await leistung.UpdateStatusAsync(WriteCommands.New(), new LeistungStatusUpdate(null, Umsetzungsphase.Umsetzung, null));

        var caughtUp = await PublishedAsync(c => c.ProgrammeEvent?.OzgId == ozgId && c.Change.Kind == ChangeKind.NichtMehrUeberfaellig,
            $"{ozgId} published no longer overdue");
        Assert.Equal([milestone], caughtUp.ProgrammeEvent!.VorherUeberfaellig.ToArray());
        Assert.Equal(Umsetzungsphase.Umsetzung, caughtUp.Change.Leistung.Status.Phase);
        Assert.Contains(new Figure(ProgrammeFigureKeys.UeberfaelligThemenfeld(themenfeldId), 0), caughtUp.ChangedFigures);
        Assert.Equal(0, await FigureAsync(ProgrammeFigureKeys.UeberfaelligThemenfeld(themenfeldId)));
    }

    [Fact]
    public async Task The_recount_corrects_programme_figures_the_aggregator_holds_wrongly()
    {
        var notALeistung = FreshKeys.Next();
        var wrongKey = ProgrammeFigureKeys.Nachnutzer(notALeistung);
        await _aggregator.ReconcileAsync();
        var source = await _grains.GetGrain<IProgrammeFiguresGrain>(IProgrammeFiguresGrain.Key).GetSnapshotAsync();

        // An event the figures grain never sent, numbered ahead of it: nothing on the way can explain it. Numbered next
        // to the last, it shows no gap, so that the aggregator takes it until its recount.
        ProgrammeEvent stray = new(source.Sequence + 1, ProgrammeEventKind.NachnutzungGeaendert, notALeistung, "stray", DateTimeOffset.UtcNow,
            [new Figure(wrongKey, 3)], "test", [], [], [], null);
        await _aggregator.ApplyProgrammeEventsAsync([stray]);
        await Poll.UntilAsync(() => FigureAsync(wrongKey), value => value == 3, "the stray event taken", Deadline);

        var result = await _aggregator.ReconcileAsync();

        Assert.Contains(wrongKey, result.DriftedFigures);
        Assert.Equal(0, await FigureAsync(wrongKey));
        await ResyncAsync();

        // Events of the figures grain are taken again after the correction.
        var leistung = await _catalog.AddLeistungAsync();
        var ozgId = (int)leistung.GetPrimaryKeyLong();
        await _grains.GetGrain<INachnutzungGrain>(ozgId).SetUmsetzungslandAsync(WriteCommands.New(), "SN");
        await PublishedAsync(c => c.ProgrammeEvent?.OzgId == ozgId, $"the Umsetzungsland of {ozgId} published after the correction");
    }

    [Fact]
    public async Task An_event_lost_on_its_way_to_the_aggregator_is_made_up_when_the_next_event_shows_the_gap()
    {
        var (efa, ozgId) = await EfaLeistungAsync("HB");
        var (next, _) = await EfaLeistungAsync("BE");

        await WithEventLostAsync(() => efa.SetZustandAsync(WriteCommands.New(), "SL", NachnutzungZustand.Live, overrideByManagement: true));
        Assert.Equal(0, await FigureAsync(ProgrammeFigureKeys.Nachnutzer(ozgId)));
        await next.SetZustandAsync(WriteCommands.New(), "SL", NachnutzungZustand.Live, overrideByManagement: true);

        await Poll.UntilAsync(() => FigureAsync(ProgrammeFigureKeys.Nachnutzer(ozgId)), value => value == 1, "the lost event made up", Deadline);
        await ResyncAsync();
    }

    [Fact]
    public async Task A_last_event_lost_on_its_way_to_the_aggregator_is_made_up_by_the_recount()
    {
        var (efa, ozgId) = await EfaLeistungAsync("HB");

        await WithEventLostAsync(() => efa.SetZustandAsync(WriteCommands.New(), "SL", NachnutzungZustand.Live, overrideByManagement: true));

        var result = await _aggregator.ReconcileAsync();

        Assert.Contains(ProgrammeFigureKeys.Nachnutzer(ozgId), result.DriftedFigures);
        Assert.Equal(1, await FigureAsync(ProgrammeFigureKeys.Nachnutzer(ozgId)));
        await ResyncAsync();
    }

    public void Dispose() => _hub.Unsubscribe(_subscription);

    /// <summary>Makes a change whose event is lost on its way to the aggregator.</summary>
    private async Task WithEventLostAsync(Func<Task> change)
    {
        var lostBefore = fixture.ProgrammeEventLoss.Lost;
        fixture.ProgrammeEventLoss.LoseNext(1);
        await change();
        await Poll.UntilAsync(() => Task.FromResult(fixture.ProgrammeEventLoss.Lost), lost => lost > lostBefore, "the event lost", Deadline);
    }

    /// <summary>A fresh EfA-Leistung built by <paramref name="umsetzungsland"/>, once the aggregator has published that.</summary>
    private async Task<(INachnutzungGrain Efa, int OzgId)> EfaLeistungAsync(string umsetzungsland)
    {
        var ozgId = (int)(await _catalog.AddLeistungAsync()).GetPrimaryKeyLong();
        var efa = _grains.GetGrain<INachnutzungGrain>(ozgId);
        await efa.SetUmsetzungslandAsync(WriteCommands.New(), umsetzungsland);
        await PublishedAsync(c => c.ProgrammeEvent?.OzgId == ozgId, $"the Umsetzungsland of {ozgId} published");
        return (efa, ozgId);
    }

    private async Task<long> FigureAsync(string key) => (await _aggregator.GetSnapshotAsync()).Figures.GetValueOrDefault(key);

    private Task<PublishedChange> PublishedAsync(Func<PublishedChange, bool> match, string expectation) =>
        _subscription.PublishedAsync(match, expectation, Deadline);

    /// <summary>Reads the hub until it passes on a resync (the figures were corrected).</summary>
    private async Task ResyncAsync()
    {
        using var deadline = new CancellationTokenSource(Deadline);
        while (await _subscription.Messages.ReadAsync(deadline.Token) is not HubMessage.Resync)
        {
        }
    }
}
