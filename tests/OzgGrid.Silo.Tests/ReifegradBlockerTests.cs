using Grpc.Core;
using OzgGrid.Protos.V1;
using OzgGrid.Silo.Tests.Hosting;

namespace OzgGrid.Silo.Tests;

/// <summary>
/// What holds Leistungen below a level, on a seeded programme (<see cref="Programme"/>): per Leistung the Onlinedienste of
/// one of its LeiKa-Leistungen, each rated by model 2.0 with the Basiskomponenten it uses, published or not. The
/// expected answer is computed here from that table by the official rule (a pair's level is its weakest criterion, an
/// unrated one counting 0; level 6 needs all six Basiskomponenten; a Leistung is held by its closest counting pair), not
/// written down by hand.
/// </summary>
public sealed class ReifegradBlockerTests(ReifegradBlockerHost fixture) : IClassFixture<ReifegradBlockerHost>
{
    private const int Zielstufe = 6;
    private const int Kriterien20 = 13;

    private static readonly Basiskomponente[] All =
    [
        Basiskomponente.DeutschlandId, Basiskomponente.Organisationskonto, Basiskomponente.Noots,
        Basiskomponente.Statusmonitor, Basiskomponente.EAkte, Basiskomponente.ZahlungHkr,
    ];

    /// <summary>Per Leistung (A to H) its Onlinedienste: criteria rated (K01 on), at which level, Basiskomponenten used, published.</summary>
    private static readonly Dienst[][] Programme =
    [
        [new(13, 6, All, true)],
        [new(13, 6, Without(Basiskomponente.Noots), true)],
        [new(12, 6, [], true), new(13, 7, [], false)],
        [new(13, 6, Without(Basiskomponente.Noots, Basiskomponente.EAkte), true)],
        [new(13, 5, All, true)],
        [new(13, 6, Without(Basiskomponente.Noots), true), new(11, 7, All, true)],
        [new(13, 7, [Basiskomponente.DeutschlandId], true)],
        [new(13, 6, All, false)],
    ];

    private readonly ReifegradService.ReifegradServiceClient _reifegrad = new(fixture.Host.Channel);
    private readonly OnlinedienstService.OnlinedienstServiceClient _dienste = new(fixture.Host.Channel);
    private readonly OnlinedienstSeed _seed = new(fixture.Host.Channel);

    [Fact]
    public async Task The_blockers_of_one_Leistung_and_across_the_programme_are_exactly_those_seeded()
    {
        var anbieter = await _seed.AnbieterAsync();
        var seeded = new List<(int OzgId, List<(string Id, Dienst Dienst)> Dienste)>();
        foreach (var dienste in Programme)
        {
            var (ozgId, leikaKey) = await _seed.LeistungAsync(fixture.TakeOzgId);
            var ids = new List<(string, Dienst)>();
            foreach (var dienst in dienste)
            {
                ids.Add((await SeedAsync(anbieter, leikaKey, dienst), dienst));
            }

            seeded.Add((ozgId, ids));
        }

        // The expected answer, from the table: each Leistung with a counting Onlinedienst is held by its closest pair.
        var closest = seeded
            .Where(l => l.Dienste.Any(d => d.Dienst.Veroeffentlicht))
            .Select(l => (l.OzgId, Paar: l.Dienste.Where(d => d.Dienst.Veroeffentlicht)
                .OrderByDescending(d => d.Dienst.Erreicht)
                .ThenByDescending(d => d.Dienst.Stufe)
                .ThenBy(d => d.Dienst.Unter.Count + d.Dienst.Fehlend.Count)
                .ThenBy(d => d.Id, StringComparer.Ordinal)
                .First().Dienst))
            .OrderBy(l => l.OzgId)
            .ToList();
        var darunter = closest.Where(l => !l.Paar.Erreicht).ToList();
        var waitFor = All.ToDictionary(k => k, k => darunter.Where(l => l.Paar.Fehlend.Contains(k)).Select(l => l.OzgId).ToList());
        var heldBy = Enumerable.Range(1, Kriterien20).Select(k => $"K{k:00}")
            .ToDictionary(k => k, k => darunter.Where(l => l.Paar.Unter.Contains(k)).Select(l => l.OzgId).ToList());

        var programme = await _reifegrad.GetProgrammeReifegradBlockerAsync(new GetProgrammeReifegradBlockerRequest { Modell = ReifegradModell.V20, Zielstufe = Zielstufe });

        Assert.Equal(closest.Where(l => l.Paar.Erreicht).Select(l => l.OzgId), programme.Erreicht);
        Assert.Equal(darunter.Select(l => l.OzgId), programme.Darunter);
        Assert.Equal(
            waitFor.Where(k => k.Value.Count > 0).Select(k => (k.Key, string.Join(' ', k.Value))),
            programme.Basiskomponenten.Select(k => (k.Basiskomponente, string.Join(' ', k.OzgIds))));
        Assert.Equal(
            heldBy.Where(k => k.Value.Count > 0).Select(k => (k.Key, string.Join(' ', k.Value))),
            programme.Kriterien.Select(k => (k.Kriterium, string.Join(' ', k.OzgIds))));

        // "N Leistungen wait for NOOTS": those whose closest counting pair lacks it (the table has five: B, C, D, F, G).
        var nootsCount = waitFor[Basiskomponente.Noots].Count;
        Assert.Equal(5, nootsCount);
        Assert.Equal(nootsCount, programme.Basiskomponenten.Single(k => k.Basiskomponente == Basiskomponente.Noots).OzgIds.Count);

        // One Leistung's pairs, the closest first: the unpublished one at level 7, then the counting one at 0 (K13 unrated).
        var (c, dienstC) = seeded[2];
        var leistungC = await _reifegrad.GetLeistungReifegradBlockerAsync(new GetLeistungReifegradBlockerRequest { OzgId = c, Modell = ReifegradModell.V20, Zielstufe = Zielstufe });
        Assert.Equal([(dienstC[1].Id, false, 7), (dienstC[0].Id, true, 0)], leistungC.Paare.Select(p => (p.OnlinedienstId, p.Zaehlt, p.Blocker.Stufe)));
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

    private async Task<string> SeedAsync(string anbieter, string leikaKey, Dienst dienst)
    {
        var id = await _seed.RegisterAsync(anbieter);
        await _seed.RateAsync(id, leikaKey, ReifegradModell.V20, dienst.Bewertet, dienst.Rated);
        await _dienste.SetOnlinedienstDetailsAsync(new SetOnlinedienstDetailsRequest
        {
            OnlinedienstId = id, RequestId = Guid.NewGuid().ToString(),
            Details = new OnlinedienstDetails { Hersteller = "Hersteller", MindestVertrauensniveau = Vertrauensniveau.Substantiell, Basiskomponenten = { dienst.Basiskomponenten } },
        });
        await _seed.EinsatzgebietAsync(id, "HB");
        if (dienst.Veroeffentlicht)
        {
            await _seed.PublishAsync(id);
        }

        return id;
    }

    private static Basiskomponente[] Without(params Basiskomponente[] missing) => [.. All.Except(missing)];

    /// <summary>An Onlinedienst of the table: the first <see cref="Rated"/> criteria at <see cref="Bewertet"/>, and what that gives for <see cref="Zielstufe"/>.</summary>
    private sealed record Dienst(int Rated, int Bewertet, Basiskomponente[] Basiskomponenten, bool Veroeffentlicht)
    {
        /// <summary>The weakest criterion; one not rated counts 0.</summary>
        public int Stufe => Rated < Kriterien20 ? 0 : Bewertet;

        public List<string> Unter => [.. Enumerable.Range(1, Kriterien20).Where(k => (k <= Rated ? Bewertet : 0) < Zielstufe).Select(k => $"K{k:00}")];

        /// <summary>Level 6 of model 2.0 (the <see cref="Zielstufe"/>) needs all six Basiskomponenten.</summary>
        public List<Basiskomponente> Fehlend => [.. All.Except(Basiskomponenten)];

        public bool Erreicht => Unter.Count == 0 && Fehlend.Count == 0;
    }
}
