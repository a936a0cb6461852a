using OzgGrid.Grains.Abstractions.Errors;
using OzgGrid.Grains.Abstractions.Nachnutzung;
using OzgGrid.Grains.Abstractions.ProgrammeManagement;
using OzgGrid.Grains.Tests.ProgrammeManagement;

namespace OzgGrid.Grains.Tests.Nachnutzung;

[Collection(ClusterCollection.Name)]
public sealed class NachnutzungGrainTests(ClusterFixture fixture)
{
    private readonly IGrainFactory _grains = fixture.Grains;
    private readonly TestCatalog _catalog = new(fixture.Grains);

    [Fact]
    public async Task A_land_moves_through_the_nachnutzung_states_one_at_a_time()
    {
        var efa = await EfaLeistungAsync("HE");

        foreach (var zustand in new[] { NachnutzungZustand.Interessenbekundung, NachnutzungZustand.Vertrag, NachnutzungZustand.Anbindung, NachnutzungZustand.Live })
        {
            await efa.SetZustandAsync(WriteCommands.New(), "BY", zustand, overrideByManagement: false);
        }

        var recorded = await efa.GetAsync();
        Assert.Equal(NachnutzungZustand.Live, recorded.Body.ZustandIn("BY"));
        Assert.Equal(NachnutzungZustand.KeinInteresse, recorded.Body.ZustandIn("NW"));
        Assert.Equal(5, recorded.Version);
    }

    [Fact]
    public async Task A_jump_over_states_is_refused_unless_the_programme_management_overrides_and_the_override_is_recorded()
    {
        var efa = await EfaLeistungAsync("HE");
        await efa.SetZustandAsync(WriteCommands.New(), "BE", NachnutzungZustand.Interessenbekundung, overrideByManagement: false);

        var refused = await Assert.ThrowsAsync<RuleViolationException>(
            () => efa.SetZustandAsync(WriteCommands.New(), "BE", NachnutzungZustand.Live, overrideByManagement: false));
        Assert.Contains("Vertrag", refused.Message);
        Assert.Equal(NachnutzungZustand.Interessenbekundung, (await efa.GetAsync()).Body.ZustandIn("BE"));

        var overridden = await efa.SetZustandAsync(WriteCommands.New("fitko-anna"), "BE", NachnutzungZustand.Live, overrideByManagement: true);

        Assert.Equal(NachnutzungZustand.Live, overridden.Body.ZustandIn("BE"));
        var latest = (await efa.GetChangesAsync(null, 1)).Changes.Single();
        Assert.Equal("nachnutzung-override", latest.Action);
        Assert.Contains("Override", latest.Fields.Single().After);
        Assert.Equal("Interessenbekundung", latest.Fields.Single().Before);
    }

    [Fact]
    public async Task Nachnutzung_needs_an_umsetzungsland_which_cannot_reuse_its_own_leistung()
    {
        var leistung = await _catalog.AddLeistungAsync();
        var efa = _grains.GetGrain<INachnutzungGrain>(leistung.GetPrimaryKeyLong());

        await Assert.ThrowsAsync<RuleViolationException>(() => efa.SetZustandAsync(WriteCommands.New(), "BY", NachnutzungZustand.Interessenbekundung, false));
        await efa.SetUmsetzungslandAsync(WriteCommands.New(), "HE");
        await Assert.ThrowsAsync<RuleViolationException>(() => efa.SetZustandAsync(WriteCommands.New(), "HE", NachnutzungZustand.Interessenbekundung, false));
        await Assert.ThrowsAsync<NotFoundException>(() => _grains.GetGrain<INachnutzungGrain>(FreshKeys.Next()).SetUmsetzungslandAsync(WriteCommands.New(), "HE"));
    }

    [Fact]
    public async Task The_report_counts_reuse_per_leistung_and_per_land_and_watchers_get_the_moved_figures()
    {
        var figures = _grains.GetGrain<IProgrammeFiguresGrain>(IProgrammeFiguresGrain.Key);
        var before = await figures.GetNachnutzungReportAsync();
        await using var watch = await ProgrammeSubscription.StartAsync(fixture);
        var efa = await EfaLeistungAsync("SN");
        var ozgId = (int)efa.GetPrimaryKeyLong();

        await efa.SetZustandAsync(WriteCommands.New(), "TH", NachnutzungZustand.Live, overrideByManagement: true);
        await efa.SetZustandAsync(WriteCommands.New(), "ST", NachnutzungZustand.Interessenbekundung, overrideByManagement: false);

        var report = await figures.GetNachnutzungReportAsync();
        var leistung = report.Leistungen.Single(l => l.OzgId == ozgId);
        Assert.Equal(("SN", 1), (leistung.Umsetzungsland, leistung.NachnutzerLive));
        Assert.Equal(1, leistung.LaenderJeZustand[NachnutzungZustand.Interessenbekundung]);
        Assert.Equal(Land(before, "SN").Bereitgestellt + 1, Land(report, "SN").Bereitgestellt);
        Assert.Equal(Land(before, "TH").NachgenutztLive + 1, Land(report, "TH").NachgenutztLive);
        Assert.Equal(Land(before, "ST").NachnutzungInVorbereitung + 1, Land(report, "ST").NachnutzungInVorbereitung);

        var live = await watch.Events.NextAsync(
            e => e.OzgId == ozgId && e.ChangedFigures.Any(f => f.Key == ProgrammeFigureKeys.Nachnutzer(ozgId)),
            $"an event moving the Nachnutzer figure of {ozgId}");
        Assert.Equal(ProgrammeEventKind.NachnutzungGeaendert, live.Kind);
        Assert.Equal(1, live.ChangedFigures.Single(f => f.Key == ProgrammeFigureKeys.Nachnutzer(ozgId)).Value);
    }

    private static LandNachnutzungFigures Land(NachnutzungReport report, string land) => report.Laender.Single(l => l.Land == land);

    private async Task<INachnutzungGrain> EfaLeistungAsync(string umsetzungsland)
    {
        var leistung = await _catalog.AddLeistungAsync();
        var efa = _grains.GetGrain<INachnutzungGrain>(leistung.GetPrimaryKeyLong());
        await efa.SetUmsetzungslandAsync(WriteCommands.New(), umsetzungsland);
        return efa;
    }
}
