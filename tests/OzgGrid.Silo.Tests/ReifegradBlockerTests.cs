using Grpc.Core;
using OzgGrid.Protos.V1;
using OzgGrid.Silo.Tests.Hosting;

namespace OzgGrid.Silo.Tests;

/// <summary>
/// What holds Leistungen below a level, on a seeded programme: Leistung A's Onlinedienst reaches level 6 of model 2.0
/// (all criteria at 6, all six Basiskomponenten); B's lacks only NOOTS; C's counting one leaves K13 unrated and uses
/// no Basiskomponente, and a better one of C is not published (it does not count across the programme).
/// </summary>
public sealed class ReifegradBlockerTests(ReifegradBlockerHost fixture) : IClassFixture<ReifegradBlockerHost>
{
    private static readonly Basiskomponente[] All =
    [
        Basiskomponente.DeutschlandId, Basiskomponente.Organisationskonto, Basiskomponente.Noots,
        Basiskomponente.Statusmonitor, Basiskomponente.EAkte, Basiskomponente.ZahlungHkr,
    ];

    private readonly ReifegradService.ReifegradServiceClient _reifegrad = new(fixture.Host.Channel);
    private readonly OnlinedienstService.OnlinedienstServiceClient _dienste = new(fixture.Host.Channel);
    private readonly OnlinedienstSeed _seed = new(fixture.Host.Channel);

    [Fact]
    public async Task The_blockers_of_one_Leistung_and_across_the_programme_are_exactly_those_seeded()
    {
        var anbieter = await _seed.AnbieterAsync();
        var (a, keyA) = await _seed.LeistungAsync(fixture.TakeOzgId);
        var (b, keyB) = await _seed.LeistungAsync(fixture.TakeOzgId);
        var (c, keyC) = await _seed.LeistungAsync(fixture.TakeOzgId);
        await SeedAsync(anbieter, keyA, rated: 13, stufe: 6, All, publish: true);
        await SeedAsync(anbieter, keyB, rated: 13, stufe: 6, [.. All.Where(k => k != Basiskomponente.Noots)], publish: true);
        var counting = await SeedAsync(anbieter, keyC, rated: 12, stufe: 6, [], publish: true);
        var unpublished = await SeedAsync(anbieter, keyC, rated: 13, stufe: 7, [], publish: false);

        var programme = await _reifegrad.GetProgrammeReifegradBlockerAsync(new GetProgrammeReifegradBlockerRequest { Modell = ReifegradModell.V20, Zielstufe = 6 });
        var leistungC = await _reifegrad.GetLeistungReifegradBlockerAsync(new GetLeistungReifegradBlockerRequest { OzgId = c, Modell = ReifegradModell.V20, Zielstufe = 6 });

        Assert.Equal([a], programme.Erreicht);
        Assert.Equal(new[] { b, c }.Order(), programme.Darunter);
        Assert.Equal(All, programme.Basiskomponenten.Select(k => k.Basiskomponente));
        Assert.All(programme.Basiskomponenten, k =>
            Assert.Equal(k.Basiskomponente == Basiskomponente.Noots ? new[] { b, c }.Order() : [c], k.OzgIds));
        var kriterium = Assert.Single(programme.Kriterien);
        Assert.Equal("K13", kriterium.Kriterium);
        Assert.Equal([c], kriterium.OzgIds);

        // Per pair, the closest first: the unpublished one at level 7, then the counting one at 0 (K13 unrated).
        Assert.Equal([(unpublished, false, 7), (counting, true, 0)], leistungC.Paare.Select(p => (p.OnlinedienstId, p.Zaehlt, p.Blocker.Stufe)));
        Assert.Equal(All, leistungC.Paare[0].Blocker.FehlendeBasiskomponenten);
        Assert.Empty(leistungC.Paare[0].Blocker.Kriterien);
        Assert.Equal(("K13", 0), (leistungC.Paare[1].Blocker.Kriterien.Single().Kriterium, leistungC.Paare[1].Blocker.Kriterien.Single().Bewertet));
    }

    [Theory]
    [InlineData(ReifegradModell.V11, 5)]
    [InlineData(ReifegradModell.V20, 8)]
    [InlineData(ReifegradModell.V20, -1)]
    public async Task A_level_outside_the_models_range_is_refused_naming_the_field(ReifegradModell modell, int zielstufe)
    {
        var programme = await Assert.ThrowsAsync<RpcException>(() =>
            _reifegrad.GetProgrammeReifegradBlockerAsync(new GetProgrammeReifegradBlockerRequest { Modell = modell, Zielstufe = zielstufe }).ResponseAsync);
        var leistung = await Assert.ThrowsAsync<RpcException>(() => _reifegrad.GetLeistungReifegradBlockerAsync(
            new GetLeistungReifegradBlockerRequest { OzgId = KnownData.ElterngeldOzgId, Modell = modell, Zielstufe = zielstufe }).ResponseAsync);

        Assert.All([programme, leistung], e => Assert.Equal(StatusCode.InvalidArgument, e.StatusCode));
        Assert.All([programme, leistung], e => Assert.StartsWith("zielstufe", e.Status.Detail));
    }

    private async Task<string> SeedAsync(string anbieter, string leikaKey, int rated, int stufe, Basiskomponente[] basiskomponenten, bool publish)
    {
        var id = await _seed.RegisterAsync(anbieter);
        await _seed.RateAsync(id, leikaKey, ReifegradModell.V20, stufe, rated);
        await _dienste.SetOnlinedienstDetailsAsync(new SetOnlinedienstDetailsRequest
        {
            OnlinedienstId = id, RequestId = Guid.NewGuid().ToString(),
            Details = new OnlinedienstDetails { Hersteller = "Hersteller", MindestVertrauensniveau = Vertrauensniveau.Substantiell, Basiskomponenten = { basiskomponenten } },
        });
        await _seed.EinsatzgebietAsync(id, "HB");
        if (publish)
        {
            await _seed.PublishAsync(id);
        }

        return id;
    }
}
