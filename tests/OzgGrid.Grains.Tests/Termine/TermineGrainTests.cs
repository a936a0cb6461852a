using OzgGrid.Grains.Abstractions.Errors;
using OzgGrid.Grains.Abstractions.Leistungen;
using OzgGrid.Grains.Abstractions.ProgrammeManagement;
using OzgGrid.Grains.Abstractions.Termine;
using OzgGrid.Grains.Termine;
using OzgGrid.Grains.Tests.ProgrammeManagement;

namespace OzgGrid.Grains.Tests.Termine;

/// <summary>Milestones against the programme clock, which the tests move: deadlines pass without anyone waiting.</summary>
[Collection(ClusterCollection.Name)]
public sealed class TermineGrainTests(ClusterFixture fixture)
{
    private readonly IGrainFactory _grains = fixture.Grains;
    private readonly TestCatalog _catalog = new(fixture.Grains);

    private DateOnly Today => DateOnly.FromDateTime(fixture.ProgrammeTime.GetUtcNow().UtcDateTime);

    [Fact]
    public async Task A_milestone_in_the_past_or_today_is_refused_naming_the_field()
    {
        var (_, termine) = await LeistungWithTermineAsync();

        var past = await Assert.ThrowsAsync<InvalidFieldException>(
            () => termine.SetMeilensteinAsync(WriteCommands.New(), new Meilenstein(Umsetzungsphase.RollOut, string.Empty, Today.AddDays(-1), string.Empty)));
        await Assert.ThrowsAsync<InvalidFieldException>(
            () => termine.SetMeilensteinAsync(WriteCommands.New(), new Meilenstein(Umsetzungsphase.RollOut, string.Empty, Today, string.Empty)));

        Assert.Equal("planned_date", past.Field);
        Assert.Empty((await termine.GetAsync()).Body.Meilensteine);
    }

    [Fact]
    public async Task Milestones_of_an_unknown_leistung_are_not_found()
    {
        var termine = _grains.GetGrain<ITermineGrain>(FreshKeys.Next());

        await Assert.ThrowsAsync<NotFoundException>(
            () => termine.SetMeilensteinAsync(WriteCommands.New(), new Meilenstein(Umsetzungsphase.RollOut, string.Empty, Today.AddDays(30), string.Empty)));
        await Assert.ThrowsAsync<NotFoundException>(() => termine.GetAsync());
    }

    [Fact]
    public async Task Setting_a_milestone_registers_the_reminder_that_checks_it()
    {
        var (_, termine) = await LeistungWithTermineAsync();
        var table = fixture.GetSiloService<IReminderTable>();

        Assert.Null(await table.ReadRow(termine.GetGrainId(), TermineGrain.ReminderName));
        await termine.SetMeilensteinAsync(WriteCommands.New(), new Meilenstein(Umsetzungsphase.Pilotierung, string.Empty, Today.AddDays(90), string.Empty));

        var reminder = await table.ReadRow(termine.GetGrainId(), TermineGrain.ReminderName);
        Assert.NotNull(reminder);
        Assert.Equal(TermineGrain.CheckPeriod, reminder.Period);
        Assert.InRange(reminder.StartAt, DateTime.UtcNow.AddHours(23), DateTime.UtcNow.AddHours(25));
    }

    [Fact]
    public async Task A_passed_milestone_makes_the_leistung_overdue_announces_it_and_catching_up_clears_it()
    {
        var (leistung, termine) = await LeistungWithTermineAsync();
        var ozgId = (int)leistung.GetPrimaryKeyLong();
        var figures = _grains.GetGrain<IProgrammeFiguresGrain>(IProgrammeFiguresGrain.Key);
        await using var watch = await ProgrammeSubscription.StartAsync(fixture);
        var milestone = new Meilenstein(Umsetzungsphase.Pilotierung, string.Empty, Today.AddDays(10), string.Empty);
        await termine.SetMeilensteinAsync(WriteCommands.New(), milestone);

        // On its planned day the milestone is not yet missed.
        fixture.ProgrammeTime.Advance(TimeSpan.FromDays(10));
        Assert.Empty((await termine.CheckDeadlinesAsync()).Body.Ueberfaellig);
        var countBefore = (await figures.GetSnapshotAsync()).Figures.GetValueOrDefault(ProgrammeFigureKeys.UeberfaelligLeistungen);

        fixture.ProgrammeTime.Advance(TimeSpan.FromDays(1));
        var checkedTermine = await termine.CheckDeadlinesAsync();

        Assert.Equal([milestone], checkedTermine.Body.Ueberfaellig.ToArray());
        var announced = await watch.Events.NextAsync(e => e.OzgId == ozgId && e.Kind == ProgrammeEventKind.Ueberfaellig, $"Leistung {ozgId} announced overdue");
        Assert.Contains("Pilotierung", announced.Description);
        Assert.Contains(await figures.GetUeberfaelligeAsync(), u => u.OzgId == ozgId);
        Assert.Equal(countBefore + 1, (await figures.GetSnapshotAsync()).Figures.GetValueOrDefault(ProgrammeFigureKeys.UeberfaelligLeistungen));
        var recordedCheck = (await termine.GetChangesAsync(null, 1)).Changes.Single();
        Assert.Equal((TermineGrain.CheckedBy, "fristpruefung"), (recordedCheck.Stamp.ChangedBy, recordedCheck.Action));

        await leistung.UpdateStatusAsync(WriteCommands.New(), new LeistungStatusUpdate(null, Umsetzungsphase.Pilotierung, null));
        var caughtUp = await termine.CheckDeadlinesAsync();

        Assert.Empty(caughtUp.Body.Ueberfaellig);
        await watch.Events.NextAsync(e => e.OzgId == ozgId && e.Kind == ProgrammeEventKind.NichtMehrUeberfaellig, $"Leistung {ozgId} announced caught up");
        Assert.DoesNotContain(await figures.GetUeberfaelligeAsync(), u => u.OzgId == ozgId);

        // Every milestone reached: still checked once a day, in case the Leistung's notice of a setback gets lost.
        var reminder = await fixture.GetSiloService<IReminderTable>().ReadRow(termine.GetGrainId(), TermineGrain.ReminderName);
        Assert.NotNull(reminder);
        Assert.Equal(TermineGrain.CheckPeriod, reminder.Period);
        Assert.InRange(reminder.StartAt, DateTime.UtcNow.AddHours(23), DateTime.UtcNow.AddHours(25));
    }

    [Fact]
    public async Task Lowering_the_phase_after_every_milestone_was_reached_makes_a_passed_one_overdue_at_once()
    {
        var (leistung, termine) = await LeistungWithTermineAsync();
        var milestone = new Meilenstein(Umsetzungsphase.Pilotierung, string.Empty, Today.AddDays(4), string.Empty);
        await termine.SetMeilensteinAsync(WriteCommands.New(), milestone);
        await leistung.UpdateStatusAsync(WriteCommands.New(), new LeistungStatusUpdate(null, Umsetzungsphase.RollOut, null));
        fixture.ProgrammeTime.Advance(TimeSpan.FromDays(5));
        var reached = await termine.CheckDeadlinesAsync();
        Assert.Empty(reached.Body.Ueberfaellig);

        // Still checked daily, should the notice below get lost.
        var daily = await fixture.GetSiloService<IReminderTable>().ReadRow(termine.GetGrainId(), TermineGrain.ReminderName);
        Assert.Equal(TermineGrain.CheckPeriod, daily?.Period);

        await leistung.UpdateStatusAsync(WriteCommands.New(), new LeistungStatusUpdate(null, Umsetzungsphase.Umsetzung, null));

        // No check was called: the Leistung's own change made it (after answering, so it is waited for).
        var afterwards = await OverdueAsync(termine, milestone);
        Assert.Equal([milestone], afterwards.Body.Ueberfaellig.ToArray());
        Assert.True(afterwards.Version > reached.Version);
        Assert.NotNull(await fixture.GetSiloService<IReminderTable>().ReadRow(termine.GetGrainId(), TermineGrain.ReminderName));
    }

    [Fact]
    public async Task A_Leistung_that_had_no_milestones_at_its_last_setback_rechecks_those_set_since()
    {
        var (leistung, termine) = await LeistungWithTermineAsync();
        await leistung.UpdateStatusAsync(WriteCommands.New(), new LeistungStatusUpdate(null, Umsetzungsphase.RollOut, null));
        await leistung.UpdateStatusAsync(WriteCommands.New(), new LeistungStatusUpdate(null, Umsetzungsphase.Pilotierung, null));
        var milestone = new Meilenstein(Umsetzungsphase.Pilotierung, "", Today.AddDays(3), "");
        await termine.SetMeilensteinAsync(WriteCommands.New(), milestone);
        fixture.ProgrammeTime.Advance(TimeSpan.FromDays(4));
        Assert.Empty((await termine.CheckDeadlinesAsync()).Body.Ueberfaellig);

        await leistung.UpdateStatusAsync(WriteCommands.New(), new LeistungStatusUpdate(null, Umsetzungsphase.Konzeption, null));

        Assert.Equal([milestone], (await OverdueAsync(termine, milestone)).Body.Ueberfaellig.ToArray());
    }

    /// <summary>The milestone record once it lists <paramref name="milestone"/> as overdue.</summary>
    private static Task<Recorded<LeistungTermine>> OverdueAsync(ITermineGrain termine, Meilenstein milestone) =>
        Poll.UntilAsync(termine.GetAsync, record => record.Body.Ueberfaellig.Contains(milestone), $"{milestone} to be overdue", TimeSpan.FromSeconds(10));

    [Fact]
    public void Only_a_lower_phase_or_a_lower_verfuegbarkeit_can_unreach_a_milestone()
    {
        var status = LeistungStatus.Initial with
        {
            Phase = Umsetzungsphase.RollOut,
            Verfuegbarkeit = System.Collections.Immutable.ImmutableSortedDictionary.CreateRange(
                [KeyValuePair.Create("NW", Verfuegbarkeit.InMindestensEinerKommune)]),
        };

        Assert.False(MeilensteinRules.MayUnreach(status, status with { Reifegrad = Reifegrad.Information }));
        Assert.False(MeilensteinRules.MayUnreach(status, status with { Phase = Umsetzungsphase.Regelbetrieb }));
        Assert.True(MeilensteinRules.MayUnreach(status, status with { Phase = Umsetzungsphase.Pilotierung }));
        Assert.True(MeilensteinRules.MayUnreach(status, status with { Verfuegbarkeit = status.Verfuegbarkeit.SetItem("NW", Verfuegbarkeit.Pilot) }));
        Assert.True(MeilensteinRules.MayUnreach(status, status with { Verfuegbarkeit = status.Verfuegbarkeit.Remove("NW") }));
        Assert.False(MeilensteinRules.MayUnreach(status, status with { Verfuegbarkeit = status.Verfuegbarkeit.SetItem("BY", Verfuegbarkeit.Pilot) }));
    }

    [Fact]
    public async Task A_reminder_tick_runs_the_check_against_the_programme_clock()
    {
        var (_, termine) = await LeistungWithTermineAsync();
        var milestone = new Meilenstein(Umsetzungsphase.Umsetzung, string.Empty, Today.AddDays(2), string.Empty);
        await termine.SetMeilensteinAsync(WriteCommands.New(), milestone);
        fixture.ProgrammeTime.Advance(TimeSpan.FromDays(3));

        // What Orleans calls when the reminder fires, called directly instead of waiting for it.
        await termine.AsReference<IRemindable>().ReceiveReminder(TermineGrain.ReminderName, new TickStatus(DateTime.UtcNow, TermineGrain.CheckPeriod, DateTime.UtcNow));

        Assert.Equal([milestone], (await termine.GetAsync()).Body.Ueberfaellig.ToArray());
    }

    [Fact]
    public async Task A_milestone_for_one_land_is_reached_only_with_the_verfuegbarkeit_there()
    {
        var (leistung, termine) = await LeistungWithTermineAsync();
        var rollOutInNw = new Meilenstein(Umsetzungsphase.RollOut, "NW", Today.AddDays(5), string.Empty);
        await termine.SetMeilensteinAsync(WriteCommands.New(), rollOutInNw);
        await leistung.UpdateStatusAsync(WriteCommands.New(), new LeistungStatusUpdate(Reifegrad.OnlineLeistung, Umsetzungsphase.RollOut, new LandVerfuegbarkeit("NW", Verfuegbarkeit.Pilot)));

        fixture.ProgrammeTime.Advance(TimeSpan.FromDays(6));
        Assert.Equal([rollOutInNw], (await termine.CheckDeadlinesAsync()).Body.Ueberfaellig.ToArray());

        await leistung.UpdateStatusAsync(WriteCommands.New(), new LeistungStatusUpdate(null, null, new LandVerfuegbarkeit("NW", Verfuegbarkeit.InMindestensEinerKommune)));
        Assert.Empty((await termine.CheckDeadlinesAsync()).Body.Ueberfaellig);
    }

    [Fact]
    public async Task A_check_that_finds_nothing_new_records_nothing()
    {
        var (_, termine) = await LeistungWithTermineAsync();
        await termine.SetMeilensteinAsync(WriteCommands.New(), new Meilenstein(Umsetzungsphase.Konzeption, string.Empty, Today.AddDays(3), string.Empty));

        var first = await termine.CheckDeadlinesAsync();
        var second = await termine.CheckDeadlinesAsync();

        Assert.Equal(1, first.Version);
        Assert.Equal(1, second.Version);
    }

    private async Task<(ILeistungGrain Leistung, ITermineGrain Termine)> LeistungWithTermineAsync()
    {
        var leistung = await _catalog.AddLeistungAsync();
        return (leistung, _grains.GetGrain<ITermineGrain>(leistung.GetPrimaryKeyLong()));
    }
}
