using OzgGrid.Grains.Abstractions.Changes;
using OzgGrid.Grains.Abstractions.Errors;
using OzgGrid.Grains.Abstractions.Komponenten;
using OzgGrid.Grains.Abstractions.Labore;
using OzgGrid.Grains.Abstractions.ProgrammeManagement;
using OzgGrid.Grains.Tests.Labore;

namespace OzgGrid.Grains.Tests.Komponenten;

[Collection(ClusterCollection.Name)]
public sealed class KomponenteGrainTests(ClusterFixture fixture)
{
    private readonly IGrainFactory _grains = fixture.Grains;
    private readonly TestCatalog _catalog = new(fixture.Grains);

    [Fact]
    public async Task A_component_linked_to_leistungen_answers_both_questions()
    {
        var first = await _catalog.AddLeistungAsync();
        var second = await _catalog.AddLeistungAsync();
        var nutzerkonto = await RegisterAsync(KomponenteArt.NutzerkontoAnbindung);
        var bezahlen = await RegisterAsync(KomponenteArt.Bezahldienst);

        await nutzerkonto.SetUsedByAsync(WriteCommands.New(), Key(first), used: true);
        await nutzerkonto.SetUsedByAsync(WriteCommands.New(), Key(second), used: true);
        await bezahlen.SetUsedByAsync(WriteCommands.New(), Key(first), used: true);

        Assert.Equal([Key(first), Key(second)], (await nutzerkonto.GetAsync()).Body.OzgIds);
        Assert.Equal(
            new[] { bezahlen.GetPrimaryKeyString(), nutzerkonto.GetPrimaryKeyString() }.Order(StringComparer.Ordinal).ToArray(),
            (await _grains.GetGrain<IIdSetGrain>(IdSets.KomponentenOf(Key(first))).GetAsync()).ToArray());
        Assert.Equal([nutzerkonto.GetPrimaryKeyString()], await _grains.GetGrain<IIdSetGrain>(IdSets.KomponentenOf(Key(second))).GetAsync());
    }

    [Fact]
    public async Task Unlinking_removes_the_leistung_from_both_sides_and_is_recorded()
    {
        var leistung = await _catalog.AddLeistungAsync();
        var komponente = await RegisterAsync(KomponenteArt.Datenaustausch);
        await komponente.SetUsedByAsync(WriteCommands.New(), Key(leistung), used: true);

        var result = await komponente.SetUsedByAsync(WriteCommands.New(), Key(leistung), used: false);

        Assert.Empty(result.Body.OzgIds);
        Assert.Empty(await _grains.GetGrain<IIdSetGrain>(IdSets.KomponentenOf(Key(leistung))).GetAsync());
        var history = await komponente.GetChangesAsync(null, 10);
        Assert.Equal(["nutzung", "nutzung", "registrierung"], history.Changes.Select(c => c.Action));
        Assert.Equal(new FieldChange($"leistung.{Key(leistung)}", "nutzt", "-"), history.Changes[0].Fields.Single());
    }

    [Fact]
    public async Task Linking_an_unknown_leistung_is_not_found_and_changes_nothing()
    {
        var komponente = await RegisterAsync(KomponenteArt.Sonstige);

        await Assert.ThrowsAsync<NotFoundException>(() => komponente.SetUsedByAsync(WriteCommands.New(), FreshKeys.Next(), used: true));

        Assert.Equal(1, (await komponente.GetAsync()).Version);
    }

    [Fact]
    public async Task Only_it_dienstleister_taking_part_in_the_lab_of_the_component_may_link_it()
    {
        var (_, themenfeld, leistungen) = await _catalog.AddThemenfeldAsync(1);
        var labor = _grains.GetGrain<ILaborGrain>(LaborGrainTests.NewLaborId());
        await labor.DefineAsync(WriteCommands.New(), "Labor", themenfeld.ThemenfeldId, [leistungen[0].OzgId]);
        await labor.SetTeilnehmerAsync(WriteCommands.New(), [new LaborTeilnehmer(TeilnehmerArt.ItDienstleister, "dataport", "IT")]);
        var komponente = _grains.GetGrain<IKomponenteGrain>($"komponente-{FreshKeys.Next()}");
        var dataport = WriteCommands.New("dataport:alice") with { Scope = new ItDienstleisterScope("dataport", ["SH"]) };
        var ekom21 = WriteCommands.New("ekom21:bob") with { Scope = new ItDienstleisterScope("ekom21", ["HE"]) };

        await komponente.RegisterAsync(dataport, "Antragsconnector", KomponenteArt.Datenaustausch, "FIT-Connect", labor.GetPrimaryKeyString());
        await Assert.ThrowsAsync<AccessDeniedException>(() => komponente.SetUsedByAsync(ekom21, leistungen[0].OzgId, used: true));
        var linked = await komponente.SetUsedByAsync(dataport with { RequestId = WriteCommands.NewRequestId() }, leistungen[0].OzgId, used: true);

        Assert.Equal([leistungen[0].OzgId], linked.Body.OzgIds);
    }

    private async Task<IKomponenteGrain> RegisterAsync(KomponenteArt art)
    {
        var komponente = _grains.GetGrain<IKomponenteGrain>($"komponente-{FreshKeys.Next()}");
        await komponente.RegisterAsync(WriteCommands.New(), $"Komponente {art}", art, "wiederverwendbar", laborId: string.Empty);
        return komponente;
    }

    private static int Key(IGrainWithIntegerKey grain) => (int)grain.GetPrimaryKeyLong();
}
