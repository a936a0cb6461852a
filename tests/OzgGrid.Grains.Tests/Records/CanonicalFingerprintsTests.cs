using System.Collections.Immutable;
using OzgGrid.Grains.Abstractions.Beschluesse;
using OzgGrid.Grains.Abstractions.Changes;
using OzgGrid.Grains.Abstractions.Dienstleister;
using OzgGrid.Grains.Abstractions.Kommunen;
using OzgGrid.Grains.Abstractions.Komponenten;
using OzgGrid.Grains.Abstractions.Labore;
using OzgGrid.Grains.Abstractions.Leistungen;
using OzgGrid.Grains.Abstractions.Nachnutzung;
using OzgGrid.Grains.Abstractions.Nutzung;
using OzgGrid.Grains.Abstractions.Onlinedienste;
using OzgGrid.Grains.Abstractions.Reifegradmodelle;
using OzgGrid.Grains.Abstractions.Rollout;
using OzgGrid.Grains.Abstractions.Steckbrief;
using OzgGrid.Grains.Abstractions.Termine;
using OzgGrid.Grains.Abstractions.Themenfelder;
using OzgGrid.Grains.Abstractions.Umsetzungsprojekte;
using OzgGrid.Grains.Beschluesse;
using OzgGrid.Grains.Dienstleister;
using OzgGrid.Grains.Kommunen;
using OzgGrid.Grains.Komponenten;
using OzgGrid.Grains.Labore;
using OzgGrid.Grains.Leistungen;
using OzgGrid.Grains.Nachnutzung;
using OzgGrid.Grains.Nutzung;
using OzgGrid.Grains.Onlinedienste;
using OzgGrid.Grains.Records;
using OzgGrid.Grains.Rollout;
using OzgGrid.Grains.Steckbrief;
using OzgGrid.Grains.Termine;
using OzgGrid.Grains.Themenfelder;
using OzgGrid.Grains.Umsetzungsprojekte;

namespace OzgGrid.Grains.Tests.Records;

/// <summary>
/// The fingerprint of each kind of write is fixed: a retry sent before a deploy must be recognised after it. These
/// values were computed once from the encodings; a change here means a retry in flight during a deploy would be
/// refused as "request id reused" — give the changed encoding a new kind number instead.
/// </summary>
public sealed class CanonicalFingerprintsTests
{
    private static readonly DateOnly Day = new(2027, 3, 31);

    public static TheoryData<string, long> Golden => new()
    {
        { "leistung.status", -5_930_888_997_004_620_452L },
        { "leistung.zustaendigkeit", 107_369_444_459_451_192L },
        { "themenfeld.federfuehrung", 9_060_463_160_991_398_647L },
        { "it-dienstleister.register", 5_999_091_052_259_367_834L },
        { "it-dienstleister.deactivation", -6_195_647_062_684_800_671L },
        { "kommunen.import", 7_399_398_757_428_549_495L },
        { "kommunen.gebietsstand", -5_590_083_499_721_777_824L },
        { "labor.define", 7_354_470_727_387_362_341L },
        { "labor.teilnehmer", -7_385_607_854_209_568_858L },
        { "labor.stufe", 5_769_998_803_796_746_965L },
        { "labor.blaupause", 8_927_118_649_803_783_055L },
        { "komponente.register", 5_209_106_473_754_889_194L },
        { "komponente.nutzung", -3_821_545_129_720_323_121L },
        { "nachnutzung.umsetzungsland", 2_820_737_821_143_801_266L },
        { "nachnutzung.zustand", -7_643_888_223_290_964_645L },
        { "termine.meilenstein", -6_822_922_014_201_482_280L },
        { "termine.fristpruefung", -7_432_974_024_076_478_444L },
        { "beschluss.record", -1_982_512_720_683_476_895L },
        { "rollout-entry.report", -4_021_285_160_040_479_608L },
        { "umsetzungsprojekt.define", 1_406_141_684_495_072_568L },
        { "umsetzungsprojekt.beteiligte", 902_622_352_184_617_937L },
        { "umsetzungsprojekt.finanzierung", -2_213_806_460_199_393_322L },
        { "umsetzungsprojekt.termine", 8_388_095_368_569_865_162L },
        { "umsetzungsprojekt.verschiebung", 2_061_328_198_982_074_134L },
        { "umsetzungsprojekt.onlinedienste", 7_530_572_487_513_952_655L },
        { "umsetzungsprojekt.statuspruefung", -2_849_846_298_158_067_605L },
        { "rollout.zustaendige-kommunen", -8_724_463_446_124_225_301L },
        { "steckbrief.ebenen", -8_955_050_705_669_935_272L },
        { "steckbrief.fim", 7_978_763_323_203_157_481L },
        { "request-key", 3_327_332_817_239_957_403L },
        { "onlinedienst.register", -1_195_435_810_705_088_353L },
        { "onlinedienst.details", 5_968_473_338_017_855_219L },
        { "onlinedienst.rate", -7_112_505_976_955_844_524L },
        { "onlinedienst.einsatzgebiet", -5_381_230_084_359_412_142L },
        { "onlinedienst.publish", -2_470_448_474_354_457_696L },
        { "nutzung.import", 5_472_950_310_313_855_609L },
    };

    [Theory]
    [MemberData(nameof(Golden))]
    public void Each_kind_of_write_keeps_its_fingerprint_across_releases(string kind, long golden) =>
        Assert.Equal(golden, Fingerprint(kind));

    [Fact]
    public void Every_kind_of_write_has_a_golden_fingerprint() =>
        Assert.Equal(Kinds.Order(), Golden.Select(row => (string)row[0]).Order());

    [Fact]
    public void Writes_that_differ_in_one_field_have_different_fingerprints()
    {
        var update = new LeistungStatusUpdate(2, Umsetzungsphase.Umsetzung, new LandVerfuegbarkeit("HE", Verfuegbarkeit.Flaechendeckend));
        Assert.NotEqual(LeistungFingerprints.Status(3, update), LeistungFingerprints.Status(4, update));
        Assert.NotEqual(LeistungFingerprints.Status(3, update), LeistungFingerprints.Status(3, update with { Reifegrad = 3 }));
        Assert.NotEqual(LeistungFingerprints.Status(null, update), LeistungFingerprints.Status(0, update));

        // Tagged and length-prefixed: moving text between two fields is another write.
        Assert.NotEqual(LaborFingerprints.Blaupause(null, "ab", "c", "d"), LaborFingerprints.Blaupause(null, "a", "bc", "d"));
    }

    [Fact]
    public void The_same_request_id_of_different_callers_is_remembered_under_different_keys()
    {
        var subject = new WriteCommand("r-1", null, "alice");
        var dienstleister = subject with { Scope = new ItDienstleisterScope("alice", ["HE"]) };
        var ozggrid = WriteCommand.ByOzgGrid("r-1", "alice");

        Assert.Equal(3, new[] { RequestKeys.Of(subject), RequestKeys.Of(dienstleister), RequestKeys.Of(ozggrid) }.Distinct().Count());
        Assert.Equal(RequestKeys.Of(dienstleister), RequestKeys.Of(dienstleister with { ChangedBy = "bob" }));
        Assert.NotEqual(RequestKeys.Of(subject), RequestKeys.Of(subject with { ChangedBy = "bob" }));
    }

    private static IEnumerable<string> Kinds => Golden.Select(row => (string)row[0]);

    private static long Fingerprint(string kind) => kind switch
    {
        "leistung.status" => LeistungFingerprints.Status(7, new(2, Umsetzungsphase.Umsetzung, new LandVerfuegbarkeit("HE", Verfuegbarkeit.Flaechendeckend))),
        "leistung.zustaendigkeit" => LeistungFingerprints.Zustaendigkeit(
            7, new(new UmsetzendeStelle(UmsetzendeStelleArt.Land, "HE"), true, "ekom21", ImmutableSortedSet.Create("BY", "NW"))),
        "themenfeld.federfuehrung" => ThemenfeldFingerprints.Federfuehrung(null, new("BMI", ImmutableSortedSet.Create("BE", "HE"))),
        "it-dienstleister.register" => ItDienstleisterFingerprints.Register(1, new("Dataport", ImmutableSortedSet.Create("HH", "SH"), "ozg@dataport.de")),
        "it-dienstleister.deactivation" => ItDienstleisterFingerprints.Deactivation(4, deactivated: true),
        "kommunen.import" => KommunenFingerprints.Import(null, [new Kommune("06411000", "Darmstadt", KommuneSource.Imported)]),
        "kommunen.gebietsstand" => KommunenFingerprints.Import(null, [new Kommune("06411000", "Darmstadt, Wissenschaftsstadt", KommuneSource.Imported, "Darmstadt, Wissenschaftsstadt", "064110000000", 164_683)],
            new Gebietsstand([], ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal, [KeyValuePair.Create("06411999", "06411000")]), "© Destatis")),
        "labor.define" => LaborFingerprints.Define(null, "Familie & Kind", 3, ImmutableSortedSet.Create(10001, 10002)),
        "labor.teilnehmer" => LaborFingerprints.Teilnehmer(2, [new LaborTeilnehmer(TeilnehmerArt.ItDienstleister, "dataport", "Umsetzung")]),
        "labor.stufe" => LaborFingerprints.Stufe(2, LaborStufe.Zielbild),
        "labor.blaupause" => LaborFingerprints.Blaupause(null, "Antrag", "https://example.org/b", "Beschreibung"),
        "komponente.register" => KomponenteFingerprints.Register(null, "Bezahldienst", KomponenteArt.Bezahldienst, "ePayBL", "labor-1"),
        "komponente.nutzung" => KomponenteFingerprints.Nutzung(3, 10001, used: true),
        "nachnutzung.umsetzungsland" => NachnutzungFingerprints.Umsetzungsland(null, "HE"),
        "nachnutzung.zustand" => NachnutzungFingerprints.Zustand(4, "BY", NachnutzungZustand.Live, overrideByManagement: true),
        "termine.meilenstein" => TermineFingerprints.Meilenstein(null, new Meilenstein(Umsetzungsphase.Pilotierung, "NW", Day, "2022/23")),
        "termine.fristpruefung" => TermineFingerprints.Fristpruefung([new Meilenstein(Umsetzungsphase.Pilotierung, "NW", Day, "2022/23")]),
        "beschluss.record" => BeschlussFingerprints.Record(null, new Beschluss(
            "2022/23", new DateOnly(2022, 6, 30), "Titel", "Text", [new PrioritaetVorgabe(10001, null, Prioritaet.Hoch)],
            [new MeilensteinVorgabe(ImmutableSortedSet.Create(10001), [], Umsetzungsphase.RollOut, string.Empty, true, Day)])),
        "rollout-entry.report" => RolloutEntryFingerprints.Report(new RolloutReport("06411000", KommuneVerfuegbarkeit.Online, 2)),
        "umsetzungsprojekt.define" => UmsetzungsprojektFingerprints.Define(null, new UmsetzungsprojektDefinition(
            "Elterngeld digital", ImmutableSortedSet.Create(10000), ImmutableSortedSet.Create("99001001000000"),
            new Organisation(OrganisationArt.ItDienstleister, "dataport"), new FimMethodenexperte("Erika Muster", "FITKO"), EfaTyp.EntwicklungLand)),
        "umsetzungsprojekt.beteiligte" => UmsetzungsprojektFingerprints.Beteiligte(2, [new Beteiligung(new Organisation(OrganisationArt.Land, "HE"), BeteiligungRolle.Interessiert)]),
        "umsetzungsprojekt.finanzierung" => UmsetzungsprojektFingerprints.Finanzierung(3, [new Finanzierung("Konjunkturpaket", 250_000_000, FinanzierungStatus.Bewilligt)]),
        "umsetzungsprojekt.termine" => UmsetzungsprojektFingerprints.Termine(4, new PhasenTermine(ProjektPhase.Pilotierung, Day, Day.AddDays(30), Day, null, 0, string.Empty)),
        "umsetzungsprojekt.verschiebung" => UmsetzungsprojektFingerprints.Verschiebung(null, ProjektPhase.Umsetzung, null, Day, "Vergabe verzögert"),
        "umsetzungsprojekt.onlinedienste" => UmsetzungsprojektFingerprints.Onlinedienste(5, ImmutableSortedSet.Create("kita-portal-sh")),
        "umsetzungsprojekt.statuspruefung" => UmsetzungsprojektFingerprints.Statuspruefung(new ProjektStatus(ProjektPhase.Umsetzung, [ProjektPhase.Konzeption])),
        "rollout.zustaendige-kommunen" => ZustaendigeKommunenFingerprints.Set(2, new ZustaendigeKommunen(ZustaendigeKommunenArt.Liste, ImmutableSortedSet.Create("05111000", "05113000"))),
        "steckbrief.ebenen" => SteckbriefFingerprints.Ebenen(null, [Zustaendigkeitsebene.Land, Zustaendigkeitsebene.Kommune]),
        "steckbrief.fim" => SteckbriefFingerprints.Fim(1, FimBaustein.Stammdatenschema, new FimEintrag("S00000092", "1.2", FimStatus.FachlichFreigegebenGold)),
        "request-key" => RequestKeys.Of(new WriteCommand("3f2b-request", null, "fitko")),
        "onlinedienst.register" => OnlinedienstFingerprints.Register(null, "Kita-Portal", "https://kita.example.org", "dataport"),
        "onlinedienst.details" => OnlinedienstFingerprints.Details(2, new OnlinedienstDetails(
            "Hersteller A", [new Fachverfahren("KitaPlus", "Hersteller B")], ["Landesportal SH"], [new Nutzerkonto(NutzerkontoArt.BundId, string.Empty),
            new Nutzerkonto(NutzerkontoArt.Landeskonto, "SH")], Vertrauensniveau.Substantiell, "ePayBL", [Zustellweg.FitConnect], true, [Basiskomponente.Noots])),
        "onlinedienst.rate" => OnlinedienstFingerprints.Rate(3, "99001001000000", ReifegradModellVersion.Modell20,
            ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal, [new KeyValuePair<string, int>("K01", 3), new("K02", 5)])),
        "onlinedienst.einsatzgebiet" => OnlinedienstFingerprints.Einsatzgebiet(null, [new EinsatzImLand("SH", ["01002000"]), new EinsatzImLand("HH", [])]),
        "onlinedienst.publish" => OnlinedienstFingerprints.Publish(4, veroeffentlicht: true),
        "nutzung.import" => NutzungFingerprints.Import(null, [new NutzungZeile("05315000", 3, 1_234), new NutzungZeile("05111000", 12, 0)]),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "No example for this kind of write."),
    };
}
