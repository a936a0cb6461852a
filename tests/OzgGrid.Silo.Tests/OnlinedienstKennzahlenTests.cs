using System.Globalization;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using Grpc.Core;
using OzgGrid.Gateway.Identity;
using OzgGrid.Protos.V1;
using OzgGrid.Silo.Tests.Hosting;

namespace OzgGrid.Silo.Tests;

/// <summary>
/// The figures of the Onlinedienste and Umsetzungsprojekte on a programme of its own: four Onlinedienste with different
/// Hersteller, Nutzerkonten, Vertrauensniveaus and ratings, three projects in different phases. Every figure is counted
/// again here, from what the test seeded and the shipped model data; a change moves them in the next read; the report
/// holds the same figures as CSV and as a workbook.
/// </summary>
public sealed class OnlinedienstKennzahlenTests(OnlinedienstKennzahlenHost fixture) : IClassFixture<OnlinedienstKennzahlenHost>
{
    private const string Nord = "Nordwerk GmbH";
    private const string Sued = "Südsoft AG";
    private const string Mitte = "Mitte IT";

    private readonly OnlinedienstKennzahlenService.OnlinedienstKennzahlenServiceClient _kennzahlen = new(fixture.Host.ChannelFor(Roles.Monitoring, "kennzahlen"));
    private readonly OnlinedienstService.OnlinedienstServiceClient _dienste = new(fixture.Host.Channel);
    private readonly UmsetzungsprojektService.UmsetzungsprojektServiceClient _projekte = new(fixture.Host.Channel);
    private readonly OnlinedienstSeed _seed = new(fixture.Host.Channel);
    private readonly Dictionary<string, SeededDienst> _seeded = [];
    private readonly Dictionary<string, SeededProjekt> _seededProjekte = [];
    private readonly Dictionary<int, (HashSet<Zustaendigkeitsebene> Ebenen, Dictionary<FimBaustein, FimStatus> Fim)> _seededSteckbriefe = [];
    private readonly DateOnly _today = DateOnly.FromDateTime(DateTime.UtcNow);

    [Fact]
    public async Task The_figures_and_their_report_count_exactly_the_seeded_programme_and_a_change_is_in_the_next_read()
    {
        var anbieter = await _seed.AnbieterAsync();
        var (_, key1) = await _seed.LeistungAsync(fixture.TakeOzgId);
        var (_, key2) = await _seed.LeistungAsync(fixture.TakeOzgId);
        var a = await RegisterAsync(anbieter);
        await DetailsAsync(a, Details(Nord, [Sued], Vertrauensniveau.Substantiell, efa: true,
            new Nutzerkonto { Art = NutzerkontoArt.BundId }, new Nutzerkonto { Art = NutzerkontoArt.Landeskonto, Land = "SH" },
            new Nutzerkonto { Art = NutzerkontoArt.Landeskonto, Land = "HH" }));
        await RateAsync(a, key1, ReifegradModell.V11, Rating(10, 3, ("K02", 1)));
        await RateAsync(a, key1, ReifegradModell.V20, Rating(13, 5));
        await RateAsync(a, key2, ReifegradModell.V20, Rating(11, 6, ("K03", 2)));
        await PublishAsync(a);
        var b = await RegisterAsync(anbieter);
        await DetailsAsync(b, Details(Sued, [Sued, Nord], Vertrauensniveau.Hoch, efa: false, new Nutzerkonto { Art = NutzerkontoArt.MeinUnternehmenskonto }));
        await RateAsync(b, key1, ReifegradModell.V11, Rating(5, 4));
        await RateAsync(b, key2, ReifegradModell.V20, Rating(13, 7));
        var c = await RegisterAsync(anbieter);
        var d = await RegisterAsync(anbieter);
        await DetailsAsync(d, Details(Nord, [], Vertrauensniveau.Niedrig, efa: true, new Nutzerkonto { Art = NutzerkontoArt.BundId }));
        await RateAsync(d, key2, ReifegradModell.V11, Rating(10, 4));
        await PublishAsync(d);

        var vorbereitung = await DefineAsync(("Konjunkturpaket", 100_000, FinanzierungStatus.Bewilligt), ("Land", 50_000, FinanzierungStatus.Beantragt), ("Bund", 7, FinanzierungStatus.Bewilligt));
        var pilotierung = await DefineAsync(("Konjunkturpaket", 250_000, FinanzierungStatus.Bewilligt));
        var umsetzung = await DefineAsync();
        await PhaseAsync(pilotierung, ProjektPhase.Pilotierung, plannedStart: _today.AddDays(-20), plannedEnd: _today.AddDays(-1), overdue: true);
        await PhaseAsync(umsetzung, ProjektPhase.Umsetzung, plannedStart: _today.AddDays(-10), plannedEnd: _today.AddDays(30), actualStart: _today.AddDays(-10), overdue: false);
        var (x, y) = (fixture.TakeOzgId(), fixture.TakeOzgId());
        await EbenenAsync(x, Zustaendigkeitsebene.Land, Zustaendigkeitsebene.Kommune);
        await FimAsync(x, FimBaustein.Stammtext, FimStatus.Entwurf);
        await FimAsync(x, FimBaustein.Stammprozess, FimStatus.FachlichFreigegebenGold);
        await EbenenAsync(y, Zustaendigkeitsebene.Kommune);
        await FimAsync(y, FimBaustein.Stammtext, FimStatus.Entwurf);

        var seeded = await _kennzahlen.GetOnlinedienstKennzahlenAsync(new GetOnlinedienstKennzahlenRequest());

        Assert.Equal(Expected(), seeded);
        Assert.Equal((4, 2, 2, 5), (seeded.Onlinedienste, seeded.Efa, seeded.Veroeffentlicht, seeded.Paare));
        Assert.Equal([(Nord, 2L, 1L, 3L), (Sued, 1L, 2L, 2L)], seeded.Hersteller.Select(h => (h.Hersteller, h.Onlinedienste, h.Fachverfahren, h.Gesamt)));

        // Each kind of change: another Hersteller and level, a first rating, a publication, a project moving on.
        await DetailsAsync(d, Details(Mitte, [Nord], Vertrauensniveau.Hoch, efa: false, new Nutzerkonto { Art = NutzerkontoArt.Landeskonto, Land = "HB" }));
        await RateAsync(c, key1, ReifegradModell.V20, Rating(13, 2));
        await PublishAsync(b);
        await PhaseAsync(vorbereitung, ProjektPhase.Konzeption, actualStart: _today.AddDays(-1), overdue: false);
        await FimAsync(y, FimBaustein.Stammtext, FimStatus.MethodischFreigegeben);

        var changed = await _kennzahlen.GetOnlinedienstKennzahlenAsync(new GetOnlinedienstKennzahlenRequest());

        Assert.Equal(Expected(), changed);
        Assert.NotEqual(seeded, changed);
        Assert.Equal((3, 6), (changed.Veroeffentlicht, changed.Paare));
        Assert.Equal(1, changed.Phasen.Single(p => p.Phase == ProjektPhase.Konzeption).Projekte);
        Assert.Equal((1L, 2L), (changed.Fim.Single(f => (f.Baustein, f.Status) == (FimBaustein.Stammtext, FimStatus.Entwurf)).Leistungen,
            changed.Zustaendigkeitsebenen.Single(e => e.Ebene == Zustaendigkeitsebene.Kommune).Leistungen));
        await AssertReportAsync(changed);
    }

    [Fact]
    public async Task A_report_format_this_version_does_not_know_is_invalid()
    {
        var refused = await Assert.ThrowsAsync<RpcException>(() =>
            _kennzahlen.ExportOnlinedienstKennzahlenReportAsync(new ExportOnlinedienstKennzahlenReportRequest { Format = (ReportFormat)9 }).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, refused.StatusCode);
        Assert.Contains("format", refused.Status.Detail);
    }

    /// <summary>The report as CSV and as a workbook: one row per figure, each as <paramref name="figures"/> has it.</summary>
    private async Task AssertReportAsync(GetOnlinedienstKennzahlenResponse figures)
    {
        var csv = await _kennzahlen.ExportOnlinedienstKennzahlenReportAsync(new ExportOnlinedienstKennzahlenReportRequest());
        var xlsx = await _kennzahlen.ExportOnlinedienstKennzahlenReportAsync(new ExportOnlinedienstKennzahlenReportRequest { Format = ReportFormat.Xlsx });

        Assert.Equal($"ozg-onlinedienst-kennzahlen-{_today:yyyy-MM-dd}.csv", csv.FileName);
        var lines = csv.Csv.ReplaceLineEndings("\n").Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("bereich,schluessel,merkmal,wert", lines[0]);
        var rows = lines.Skip(1).Select(line => line.Split(',')).ToDictionary(r => (r[0], r[1], r[2]), r => long.Parse(r[3], CultureInfo.InvariantCulture));
        var expectedRows = 4 + (3 * figures.Hersteller.Count) + 3 + 4 + ((4 + 1) + (10 * (4 + 2))) + ((7 + 1) + (13 * (7 + 2))) + 1 + (6 * 3) + (5 * 3) + (3 * 7) + 3;
        Assert.Equal(expectedRows, rows.Count);
        Assert.Equal((4L, 3L, 6L), (rows[("onlinedienste", "", "gesamt")], rows[("onlinedienste", "", "veroeffentlicht")], rows[("onlinedienste", "", "paare")]));
        var nord = figures.Hersteller.Single(h => h.Hersteller == Nord);
        Assert.Equal((nord.Onlinedienste, nord.Fachverfahren, nord.Gesamt), (rows[("hersteller", Nord, "onlinedienste")], rows[("hersteller", Nord, "fachverfahren")], rows[("hersteller", Nord, "gesamt")]));
        Assert.Equal(2, rows[("vertrauensniveau", "hoch", "onlinedienste")]);
        Assert.Equal(2, rows[("nutzerkonto", "landeskonto", "onlinedienste")]);
        var k03 = figures.Reifegrad.Single(m => m.Modell == ReifegradModell.V20).Kriterien.Single(k => k.Kriterium == "K03");
        Assert.Equal((k03.Stufen[2].Paare, k03.NichtBewertet), (rows[("reifegrad_2_0", "K03", "stufe_2")], rows[("reifegrad_2_0", "K03", "nicht_bewertet")]));
        Assert.Equal(1, rows[("reifegrad_1_1", "paare", "stufe_4")]);
        Assert.Equal((1L, 1L), (rows[("projektphase", "pilotierung", "ueberfaellig")], rows[("projektphase", "konzeption", "im_plan")]));
        Assert.Equal((3L, 2L, 350_007L), (rows[("finanzierung", "bewilligt", "finanzierungen")], rows[("finanzierung", "bewilligt", "projekte")], rows[("finanzierung", "bewilligt", "betrag_cent")]));
        Assert.Equal((1L, 1L, 2L), (rows[("fim", "stammtext", "entwurf")], rows[("fim", "stammprozess", "fachlich_freigegeben_gold")], rows[("zustaendigkeitsebene", "kommune", "leistungen")]));

        Assert.Equal(csv.FileName.Replace(".csv", ".xlsx", StringComparison.Ordinal), xlsx.FileName);
        Assert.Empty(xlsx.Csv);
        using var document = SpreadsheetDocument.Open(new MemoryStream(xlsx.Xlsx.ToByteArray()), isEditable: false);
        Assert.Empty(new OpenXmlValidator().Validate(document));
        var cells = ReportWorkbookTests.Cells(document);
        Assert.Equal(lines.Length, cells.Count);
        Assert.Equal(["bereich", "schluessel", "merkmal", "wert"], cells[0].Select(c => c.Text));
        var gesamt = cells.Single(row => row.Length == 4 && row[1].Text == Nord && row[2].Text == "gesamt");
        Assert.Equal((nord.Gesamt.ToString(CultureInfo.InvariantCulture), true), gesamt[3]);
    }

    /// <summary>The figures as this test counts them from what it seeded (and the models' criteria as shipped).</summary>
    private GetOnlinedienstKennzahlenResponse Expected()
    {
        var dienste = _seeded.Values.ToList();
        var namen = dienste.SelectMany(d => d.Fachhersteller.Append(d.Hersteller)).Where(h => h.Length > 0).Distinct().Order(StringComparer.Ordinal);
        var projekte = _seededProjekte.Values.ToList();
        var finanzierungen = projekte.SelectMany(p => p.Finanzierungen.Select(f => (Projekt: p, f.Status, f.BetragCent))).ToList();
        return new GetOnlinedienstKennzahlenResponse
        {
            Onlinedienste = dienste.Count,
            Efa = dienste.Count(d => d.Details?.Efa == true),
            Veroeffentlicht = dienste.Count(d => d.Veroeffentlicht),
            Paare = dienste.Sum(d => d.Paare.Count),
            Hersteller =
            {
                namen.Select(name => new HerstellerKennzahl
                {
                    Hersteller = name,
                    Onlinedienste = dienste.Count(d => d.Hersteller == name),
                    Fachverfahren = dienste.Count(d => d.Fachhersteller.Contains(name)),
                    Gesamt = dienste.Count(d => d.Hersteller == name || d.Fachhersteller.Contains(name)),
                }),
            },
            Nutzerkonten =
            {
                new[] { NutzerkontoArt.BundId, NutzerkontoArt.MeinUnternehmenskonto, NutzerkontoArt.Landeskonto }.Select(art => new NutzerkontoKennzahl
                {
                    Art = art, Onlinedienste = dienste.Count(d => d.Details?.Nutzerkonten.Any(k => k.Art == art) == true),
                }),
            },
            Vertrauensniveaus =
            {
                new[] { Vertrauensniveau.Keines, Vertrauensniveau.Niedrig, Vertrauensniveau.Substantiell, Vertrauensniveau.Hoch }.Select(niveau => new VertrauensniveauKennzahl
                {
                    Vertrauensniveau = niveau, Onlinedienste = dienste.Count(d => (d.Details?.MindestVertrauensniveau ?? Vertrauensniveau.Keines) == niveau),
                }),
            },
            Reifegrad = { ExpectedModell(ReifegradModell.V11, "1.1", dienste), ExpectedModell(ReifegradModell.V20, "2.0", dienste) },
            Umsetzungsprojekte = projekte.Count,
            Phasen =
            {
                Enumerable.Range(1, 6).Select(phase => new PhaseKennzahl
                {
                    Phase = (ProjektPhase)phase,
                    Projekte = projekte.Count(p => (int)p.Phase == phase),
                    ImPlan = projekte.Count(p => (int)p.Phase == phase && !p.Ueberfaellig),
                    Ueberfaellig = projekte.Count(p => (int)p.Phase == phase && p.Ueberfaellig),
                }),
            },
            Finanzierungen =
            {
                Enumerable.Range(1, 5).Select(status => new FinanzierungKennzahl
                {
                    Status = (FinanzierungStatus)status,
                    Finanzierungen = finanzierungen.Count(f => (int)f.Status == status),
                    Projekte = finanzierungen.Where(f => (int)f.Status == status).Select(f => f.Projekt).Distinct().Count(),
                    BetragCent = finanzierungen.Where(f => (int)f.Status == status).Sum(f => f.BetragCent),
                }),
            },
            Fim =
            {
                Enumerable.Range(1, 3).SelectMany(baustein => Enumerable.Range(1, 7).Select(status => new FimKennzahl
                {
                    Baustein = (FimBaustein)baustein, Status = (FimStatus)status,
                    Leistungen = _seededSteckbriefe.Values.Count(s => s.Fim.TryGetValue((FimBaustein)baustein, out var recorded) && recorded == (FimStatus)status),
                })),
            },
            Zustaendigkeitsebenen =
            {
                Enumerable.Range(1, 3).Select(ebene => new ZustaendigkeitsebeneKennzahl
                {
                    Ebene = (Zustaendigkeitsebene)ebene, Leistungen = _seededSteckbriefe.Values.Count(s => s.Ebenen.Contains((Zustaendigkeitsebene)ebene)),
                }),
            },
        };
    }

    /// <summary>Every pair, rated by the model or not (a criterion not rated counts as 0 for the pair's level).</summary>
    private static ModellKennzahlen ExpectedModell(ReifegradModell modell, string name, List<SeededDienst> dienste)
    {
        var hoechste = int.Parse(File.ReadLines(ModelData("modelle.csv")).Skip(1).Select(l => l.Split(',')).Single(c => c[0] == name)[3], CultureInfo.InvariantCulture);
        var kriterien = File.ReadLines(ModelData("kriterien.csv")).Skip(1).Select(l => l.Split(',')).Where(c => c[0] == name).Select(c => (Key: c[1], Bezeichnung: c[2])).ToList();
        var bewertungen = dienste.SelectMany(d => d.Paare.Values).Select(p => p.GetValueOrDefault(modell) ?? []).ToList();
        var stufen = Enumerable.Range(0, hoechste + 1).ToList();
        return new ModellKennzahlen
        {
            Modell = modell,
            Stufen = { stufen.Select(s => new StufeAnzahl { Stufe = s, Paare = bewertungen.Count(b => kriterien.Min(k => b.GetValueOrDefault(k.Key)) == s) }) },
            Kriterien =
            {
                kriterien.Select(k => new KriteriumKennzahl
                {
                    Kriterium = k.Key, Bezeichnung = k.Bezeichnung,
                    Stufen = { stufen.Select(s => new StufeAnzahl { Stufe = s, Paare = bewertungen.Count(b => b.TryGetValue(k.Key, out var v) && v == s) }) },
                    NichtBewertet = bewertungen.Count(b => !b.ContainsKey(k.Key)),
                }),
            },
        };
    }

    private static string ModelData(string file) => Path.Combine(Repository.Root, "data", "reifegrad", file);

    private async Task<string> RegisterAsync(string anbieter)
    {
        var id = await _seed.RegisterAsync(anbieter);
        _seeded[id] = new SeededDienst();
        return id;
    }

    private async Task DetailsAsync(string id, OnlinedienstDetails details)
    {
        await _dienste.SetOnlinedienstDetailsAsync(new SetOnlinedienstDetailsRequest { OnlinedienstId = id, RequestId = NewId(), Details = details });
        _seeded[id].Details = details;
    }

    private async Task RateAsync(string id, string leikaKey, ReifegradModell modell, Dictionary<string, int> bewertung)
    {
        var request = new RateOnlinedienstLeistungRequest { OnlinedienstId = id, RequestId = NewId(), LeikaKey = leikaKey, Modell = modell };
        request.Kriterien.Add(bewertung.Select(k => new KriteriumBewertung { Kriterium = k.Key, Stufe = k.Value }));
        await _dienste.RateOnlinedienstLeistungAsync(request);
        var paar = _seeded[id].Paare.TryGetValue(leikaKey, out var known) ? known : _seeded[id].Paare[leikaKey] = [];
        paar[modell] = bewertung;
    }

    private async Task PublishAsync(string id)
    {
        await _seed.PublishAsync(id);
        _seeded[id].Veroeffentlicht = true;
    }

    private async Task<string> DefineAsync(params (string Programm, long BetragCent, FinanzierungStatus Status)[] finanzierungen)
    {
        var id = $"kennzahlen-{Guid.NewGuid():N}"[..30];
        await _projekte.DefineUmsetzungsprojektAsync(new DefineUmsetzungsprojektRequest
        {
            ProjektId = id, RequestId = NewId(), Name = id, OzgIds = { fixture.TakeOzgId() },
            Projektleitung = new Organisation { Art = OrganisationArt.Land, Kennung = "HE" }, EfaTyp = EfaTyp.EntwicklungLand,
        });
        if (finanzierungen.Length > 0)
        {
            await _projekte.SetProjektFinanzierungAsync(new SetProjektFinanzierungRequest
            {
                ProjektId = id, RequestId = NewId(),
                Finanzierungen = { finanzierungen.Select(f => new Finanzierung { Programm = f.Programm, BetragCent = f.BetragCent, Status = f.Status }) },
            });
        }

        _seededProjekte[id] = new SeededProjekt([.. finanzierungen.Select(f => (f.Status, f.BetragCent))]);
        return id;
    }

    private async Task PhaseAsync(string id, ProjektPhase phase, bool overdue, DateOnly? plannedStart = null, DateOnly? plannedEnd = null, DateOnly? actualStart = null)
    {
        var projekt = (await _projekte.SetProjektPhaseAsync(new SetProjektPhaseRequest
        {
            ProjektId = id, RequestId = NewId(), Phase = phase,
            PlannedStart = Day(plannedStart), PlannedEnd = Day(plannedEnd), ActualStart = Day(actualStart),
        })).Projekt;

        // What the seeding meant, checked against what the project says, so that the expectation does not rest on it.
        Assert.Equal((phase, !overdue), (projekt.Status.Phase, projekt.Status.ImPlan));
        _seededProjekte[id].Phase = phase;
        _seededProjekte[id].Ueberfaellig = overdue;
    }

    private static OnlinedienstDetails Details(string hersteller, string[] fachhersteller, Vertrauensniveau niveau, bool efa, params Nutzerkonto[] konten) => new()
    {
        Hersteller = hersteller,
        Fachverfahren = { fachhersteller.Select((h, i) => new Fachverfahren { Name = $"Fachverfahren {i + 1}", Hersteller = h }) },
        Nutzerkonten = { konten },
        MindestVertrauensniveau = niveau,
        Efa = efa,
    };

    /// <summary>Criteria K01… of a model, <paramref name="count"/> of them rated <paramref name="stufe"/>, with exceptions.</summary>
    private static Dictionary<string, int> Rating(int count, int stufe, params (string Kriterium, int Stufe)[] except) =>
        Enumerable.Range(1, count).Select(i => $"K{i:00}").ToDictionary(k => k, k => except.Where(e => e.Kriterium == k).Select(e => e.Stufe).DefaultIfEmpty(stufe).First());

    private static string Day(DateOnly? day) => day?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? string.Empty;

    private async Task EbenenAsync(int ozgId, params Zustaendigkeitsebene[] ebenen)
    {
        await new ZustaendigkeitService.ZustaendigkeitServiceClient(fixture.Host.Channel)
            .SetZustaendigkeitsebeneAsync(new SetZustaendigkeitsebeneRequest { OzgId = ozgId, RequestId = NewId(), Ebenen = { ebenen } });
        Steckbrief(ozgId).Ebenen.UnionWith(ebenen);
    }

    private async Task FimAsync(int ozgId, FimBaustein baustein, FimStatus status)
    {
        await new ZustaendigkeitService.ZustaendigkeitServiceClient(fixture.Host.Channel).SetFimStatusAsync(new SetFimStatusRequest
        {
            OzgId = ozgId, RequestId = NewId(), Eintrag = new FimEintrag { Baustein = baustein, FimId = $"S{ozgId}", Version = "1.0", Status = status },
        });
        Steckbrief(ozgId).Fim[baustein] = status;
    }

    private (HashSet<Zustaendigkeitsebene> Ebenen, Dictionary<FimBaustein, FimStatus> Fim) Steckbrief(int ozgId) =>
        _seededSteckbriefe.TryGetValue(ozgId, out var steckbrief) ? steckbrief : _seededSteckbriefe[ozgId] = ([], []);

    private static string NewId() => Guid.NewGuid().ToString();

    private sealed class SeededDienst
    {
        public OnlinedienstDetails? Details { get; set; }

        public bool Veroeffentlicht { get; set; }

        /// <summary>LeiKa key → the rating by each model that rated the pair.</summary>
        public Dictionary<string, Dictionary<ReifegradModell, Dictionary<string, int>>> Paare { get; } = [];

        public string Hersteller => Details?.Hersteller ?? string.Empty;

        public IEnumerable<string> Fachhersteller => Details?.Fachverfahren.Select(f => f.Hersteller) ?? [];
    }

    private sealed class SeededProjekt(List<(FinanzierungStatus Status, long BetragCent)> finanzierungen)
    {
        public List<(FinanzierungStatus Status, long BetragCent)> Finanzierungen => finanzierungen;

        public ProjektPhase Phase { get; set; } = ProjektPhase.Vorbereitung;

        public bool Ueberfaellig { get; set; }
    }
}
