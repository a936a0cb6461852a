using System.Collections.Immutable;
using OzgGrid.Grains.Abstractions.Anschluss;
using OzgGrid.Grains.Abstractions.Onlinedienste;

namespace OzgGrid.Grains.Tests.Anschluss;

/// <summary>The forecast's rules: which Kommunen are missing, what blocks each, and the date of flächendeckend.</summary>
public sealed class AnschlussPrognosenTests
{
    private static readonly DateOnly Heute = new(2026, 12, 5);

    [Fact]
    public void The_Onlinedienst_furthest_along_decides_the_blocker_and_the_earliest_planned_Go_Live_the_date()
    {
        var weit = Dienst("weit", "NW");
        var kurz = Dienst("kurz", "NW");
        var anschlussWeit = Anschluss("weit", ("05000002", [AnschlussSchritt.Nachnutzungsvereinbarung, AnschlussSchritt.Zustellweg], "2027-03-01"));
        var anschlussKurz = Anschluss("kurz", ("05000002", [], "2027-02-01"), ("05000003", [AnschlussSchritt.Nachnutzungsvereinbarung], "2026-12-01"));

        var prognose = AnschlussPrognosen.Berechne(1, "NW", ["05000001", "05000002", "05000003"], new HashSet<string> { "05000001" },
            [(weit, anschlussWeit), (kurz, anschlussKurz)], Heute);

        Assert.Equal((3, 1, false), (prognose.Zustaendige, prognose.Online, prognose.Flaechendeckend));
        Assert.Equal<FehlendeKommune>(
            [
                new FehlendeKommune("05000002", AnschlussSchritt.PvogEintrag, "weit", new DateOnly(2027, 2, 1), false),
                new FehlendeKommune("05000003", AnschlussSchritt.Zustellweg, "kurz", new DateOnly(2026, 12, 1), true),
            ],
            prognose.Fehlende);
        Assert.Equal(new DateOnly(2027, 2, 1), prognose.FlaechendeckendAb);
    }

    [Fact]
    public void A_missing_Kommune_without_an_Onlinedienst_or_a_plan_leaves_the_date_open_and_none_missing_is_flaechendeckend()
    {
        var anderswo = Dienst("anderswo", "HE");

        var offen = AnschlussPrognosen.Berechne(1, "NW", ["05000001"], new HashSet<string>(), [(anderswo, null)], Heute);
        var fertig = AnschlussPrognosen.Berechne(1, "NW", ["05000001"], new HashSet<string> { "05000001" }, [(anderswo, null)], Heute);

        Assert.Equal<FehlendeKommune>([new FehlendeKommune("05000001", null, string.Empty, null, false)], offen.Fehlende);
        Assert.Null(offen.FlaechendeckendAb);
        Assert.Equal(1, offen.OhneGeplantenGoLive);
        Assert.True(fertig.Flaechendeckend);
        Assert.Null(fertig.FlaechendeckendAb);
    }

    private static Onlinedienst Dienst(string id, string land) =>
        new(id, id, $"https://{id}.example.org", "anbieter", OnlinedienstDetails.None, [], [new EinsatzImLand(land, [])], true);

    private static LandAnschluss Anschluss(string id, params (string Ags, AnschlussSchritt[] Gesetzt, string Geplant)[] kommunen) =>
        LandAnschluss.Leer(id, "NW") with
        {
            Kommunen = kommunen.ToImmutableSortedDictionary(k => k.Ags, k => new AnschlussKommune(k.Ags,
                k.Gesetzt.Select(s => (s, "x")).Append((AnschlussSchritt.GoLiveGeplant, k.Geplant))
                    .ToImmutableSortedDictionary(p => p.Item1, p => new AnschlussEintrag(p.Item2, "test", DateTimeOffset.UnixEpoch)))),
        };
}
