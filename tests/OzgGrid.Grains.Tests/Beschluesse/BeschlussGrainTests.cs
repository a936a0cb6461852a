using OzgGrid.Grains.Abstractions.Beschluesse;
using OzgGrid.Grains.Abstractions.Errors;
using OzgGrid.Grains.Abstractions.Laender;
using OzgGrid.Grains.Abstractions.Leistungen;
using OzgGrid.Grains.Abstractions.ProgrammeManagement;
using OzgGrid.Grains.Abstractions.Termine;

namespace OzgGrid.Grains.Tests.Beschluesse;

[Collection(ClusterCollection.Name)]
public sealed class BeschlussGrainTests(ClusterFixture fixture)
{
    private readonly IGrainFactory _grains = fixture.Grains;
    private readonly TestCatalog _catalog = new(fixture.Grains);

    private DateOnly Today => DateOnly.FromDateTime(fixture.ProgrammeTime.GetUtcNow().UtcDateTime);

    [Fact]
    public async Task A_beschluss_sets_its_milestones_on_every_leistung_of_its_themenfelder_linked_to_it()
    {
        var (_, themenfeld, leistungen) = await _catalog.AddThemenfeldAsync(2);
        var extra = await _catalog.AddLeistungAsync();
        var nummer = NewNummer();
        var rollOut = new MeilensteinVorgabe([(int)extra.GetPrimaryKeyLong()], [themenfeld.ThemenfeldId], Umsetzungsphase.RollOut, string.Empty, AlleLaender: true, Today.AddDays(400));

        var recorded = await _grains.GetGrain<IBeschlussGrain>(nummer).RecordAsync(WriteCommands.New(), Beschluss(nummer, rollOut));

        Assert.Equal(1, recorded.Version);
        foreach (var ozgId in leistungen.Select(l => l.OzgId).Append((int)extra.GetPrimaryKeyLong()))
        {
            var termine = (await _grains.GetGrain<ITermineGrain>(ozgId).GetAsync()).Body;
            Assert.Equal(LaenderRegister.All.Count, termine.Meilensteine.Length);
            Assert.All(termine.Meilensteine, m => Assert.Equal((nummer, Umsetzungsphase.RollOut, rollOut.Geplant), (m.Beschluss, m.Phase, m.Geplant)));
        }

        Assert.Contains(nummer, await _grains.GetGrain<IIdSetGrain>(IdSets.Beschluesse).GetAsync());
    }

    [Fact]
    public async Task Overdue_leistungen_are_counted_per_beschluss_themenfeld_and_land()
    {
        var (_, themenfeld, leistungen) = await _catalog.AddThemenfeldAsync(2);
        var nummer = NewNummer();
        var pilotInHessen = new MeilensteinVorgabe([], [themenfeld.ThemenfeldId], Umsetzungsphase.Pilotierung, "HE", AlleLaender: false, Today.AddDays(20));
        await _grains.GetGrain<IBeschlussGrain>(nummer).RecordAsync(WriteCommands.New(), Beschluss(nummer, pilotInHessen));
        var figures = _grains.GetGrain<IProgrammeFiguresGrain>(IProgrammeFiguresGrain.Key);
        var landBefore = (await figures.GetSnapshotAsync()).Figures.GetValueOrDefault(ProgrammeFigureKeys.UeberfaelligLand("HE"));
        await _grains.GetGrain<ILeistungGrain>(leistungen[0].OzgId)
            .UpdateStatusAsync(WriteCommands.New(), new LeistungStatusUpdate(Reifegrad.OnlineLeistung, Umsetzungsphase.Pilotierung, new LandVerfuegbarkeit("HE", Verfuegbarkeit.Pilot)));

        fixture.ProgrammeTime.Advance(TimeSpan.FromDays(21));
        foreach (var leistung in leistungen)
        {
            await _grains.GetGrain<ITermineGrain>(leistung.OzgId).CheckDeadlinesAsync();
        }

        var after = (await figures.GetSnapshotAsync()).Figures;
        Assert.Equal(1, after.GetValueOrDefault(ProgrammeFigureKeys.UeberfaelligBeschluss(nummer)));
        Assert.Equal(1, after.GetValueOrDefault(ProgrammeFigureKeys.UeberfaelligThemenfeld(themenfeld.ThemenfeldId)));
        Assert.Equal(landBefore + 1, after.GetValueOrDefault(ProgrammeFigureKeys.UeberfaelligLand("HE")));
        var overdue = Assert.Single(await figures.GetUeberfaelligeAsync(), u => u.ThemenfeldId == themenfeld.ThemenfeldId);
        Assert.Equal(leistungen[1].OzgId, overdue.OzgId);
    }

    [Fact]
    public async Task A_beschluss_is_recorded_once_a_retry_is_harmless_and_other_content_is_refused()
    {
        var (_, themenfeld, _) = await _catalog.AddThemenfeldAsync(1);
        var nummer = NewNummer();
        var beschluss = Beschluss(nummer, new MeilensteinVorgabe([], [themenfeld.ThemenfeldId], Umsetzungsphase.Umsetzung, string.Empty, false, Today.AddDays(50)));
        var grain = _grains.GetGrain<IBeschlussGrain>(nummer);
        var command = WriteCommands.New();

        var first = await grain.RecordAsync(command, beschluss);
        var retry = await grain.RecordAsync(command, beschluss);
        await Assert.ThrowsAsync<RuleViolationException>(() => grain.RecordAsync(WriteCommands.New(), beschluss with { Titel = "Anders" }));

        Assert.Equal((first.Version, first.LastChange), (retry.Version, retry.LastChange));
        Assert.Equal(1, (await grain.GetAsync()).Version);
    }

    [Fact]
    public async Task A_beschluss_naming_unknown_leistungen_or_past_milestones_is_refused()
    {
        var nummer = NewNummer();
        var grain = _grains.GetGrain<IBeschlussGrain>(nummer);

        await Assert.ThrowsAsync<NotFoundException>(() => grain.RecordAsync(WriteCommands.New(),
            Beschluss(nummer, new MeilensteinVorgabe([FreshKeys.Next()], [], Umsetzungsphase.RollOut, string.Empty, false, Today.AddDays(10)))));
        var past = await Assert.ThrowsAsync<InvalidFieldException>(() => grain.RecordAsync(WriteCommands.New(),
            Beschluss(nummer, new MeilensteinVorgabe([], [], Umsetzungsphase.RollOut, string.Empty, false, Today.AddDays(-1)))));
        await Assert.ThrowsAsync<NotFoundException>(() => grain.GetAsync());

        Assert.Equal("meilensteine.planned_date", past.Field);
    }

    [Fact]
    public async Task A_beschluss_giving_one_milestone_two_dates_is_refused_and_nothing_is_recorded()
    {
        var (_, themenfeld, leistungen) = await _catalog.AddThemenfeldAsync(2);
        var nummer = NewNummer();
        var grain = _grains.GetGrain<IBeschlussGrain>(nummer);
        var byThemenfeld = new MeilensteinVorgabe([], [themenfeld.ThemenfeldId], Umsetzungsphase.Pilotierung, "HE", false, Today.AddDays(30));
        var byLeistung = new MeilensteinVorgabe([leistungen[1].OzgId], [], Umsetzungsphase.Pilotierung, "HE", false, Today.AddDays(60));

        var refused = await Assert.ThrowsAsync<InvalidFieldException>(() => grain.RecordAsync(WriteCommands.New(),
            Beschluss(nummer, byThemenfeld) with { Meilensteine = [byThemenfeld, byLeistung] }));

        Assert.Equal("meilensteine[1]", refused.Field);
        Assert.Contains($"meilensteine[0] sets Pilotierung for OZG-Leistung {leistungen[1].OzgId} in HE already", refused.Message);
        await Assert.ThrowsAsync<NotFoundException>(() => grain.GetAsync());
        Assert.Empty((await _grains.GetGrain<ITermineGrain>(leistungen[0].OzgId).GetAsync()).Body.Meilensteine);
    }

    private Beschluss Beschluss(string nummer, MeilensteinVorgabe vorgabe) =>
        new(nummer, Today.AddDays(-3), "Umsetzung OZG", "Der IT-Planungsrat beschließt …", [new PrioritaetVorgabe(null, null, Prioritaet.Hoch)], [vorgabe]);

    private static string NewNummer() => $"2026/{FreshKeys.Next()}";
}
