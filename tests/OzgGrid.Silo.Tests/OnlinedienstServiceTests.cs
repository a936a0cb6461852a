using Grpc.Core;
using Grpc.Net.Client;
using OzgGrid.Gateway.Identity;
using OzgGrid.Protos.V1;
using OzgGrid.Silo.Tests.Hosting;

namespace OzgGrid.Silo.Tests;

/// <summary>Onlinedienste over real gRPC: the Anbieter's writes, the levels, blockers, lists, history and events. On each store: <see cref="AzuriteOnlinedienstServiceTests"/>, <see cref="Postgres.PostgresOnlinedienstServiceTests"/>.</summary>
public abstract class OnlinedienstServiceTests(GatewayFixture fixture)
{
    private readonly OnlinedienstService.OnlinedienstServiceClient _management = new(fixture.Host.Channel);

    [Fact]
    public async Task The_anbieter_registers_and_rates_its_onlinedienst_and_each_level_is_the_weakest_criterion()
    {
        var (anbieter, channel) = await NewAnbieterAsync();
        var client = new OnlinedienstService.OnlinedienstServiceClient(channel);
        var (ozgId, leikaKey) = await fixture.TakeLeikaLeistungAsync();
        var id = NewId("od");
        var programme = new ProgrammeManagementService.ProgrammeManagementServiceClient(fixture.Host.ChannelFor(Roles.Monitoring, "od-watcher"));
        using var stream = programme.WatchProgrammeManagement(new WatchProgrammeManagementRequest());
        using var deadline = new CancellationTokenSource(Eventually.DefaultTimeout);
        Assert.True(await stream.ResponseStream.MoveNext(deadline.Token));

        await client.RegisterOnlinedienstAsync(new RegisterOnlinedienstRequest { OnlinedienstId = id, RequestId = NewId(), Name = "Kita-Portal", Url = "https://kita.example.org", AnbieterId = anbieter });
        await client.SetOnlinedienstDetailsAsync(new SetOnlinedienstDetailsRequest { OnlinedienstId = id, RequestId = NewId(), ExpectedVersion = 1, Details = Details("Hersteller A") });
        var rated11 = await client.RateOnlinedienstLeistungAsync(new RateOnlinedienstLeistungRequest
        {
            OnlinedienstId = id, RequestId = NewId(), LeikaKey = leikaKey, Modell = ReifegradModell.V11, Kriterien = { Rating(10, 4, ("K05", 2)) },
        });
        var rated20 = await client.RateOnlinedienstLeistungAsync(new RateOnlinedienstLeistungRequest
        {
            OnlinedienstId = id, RequestId = NewId(), LeikaKey = leikaKey, Modell = ReifegradModell.V20, Kriterien = { Rating(12, 6) },
        });
        await client.SetOnlinedienstEinsatzgebietAsync(new SetOnlinedienstEinsatzgebietRequest
        {
            OnlinedienstId = id, RequestId = NewId(), Einsatzgebiet = { new EinsatzImLand { Land = "HH" }, new EinsatzImLand { Land = "01", Kommunen = { "01002000" } } },
        });
        var published = await client.PublishOnlinedienstAsync(new PublishOnlinedienstRequest { OnlinedienstId = id, RequestId = NewId(), Veroeffentlicht = true });

        Assert.Equal((2, ozgId), (rated11.Leistung.Reifegrad11.Stufe, rated11.Leistung.OzgId));
        Assert.Equal(0, rated20.Leistung.Reifegrad20.Stufe);
        Assert.Equal(2, rated20.Leistung.Reifegrad11.Stufe);
        var read = (await new OnlinedienstService.OnlinedienstServiceClient(fixture.Host.ChannelFor(Roles.Monitoring, "od-reader"))
            .GetOnlinedienstAsync(new GetOnlinedienstRequest { OnlinedienstId = id })).Onlinedienst;
        Assert.Equal(published.Onlinedienst, read);
        Assert.Equal((6L, true, anbieter), (read.Version, read.Veroeffentlicht, read.AnbieterId));
        Assert.Equal(["HH", "SH:01002000"], read.Einsatzgebiet.Select(e => e.Kommunen.Count == 0 ? e.Land : $"{e.Land}:{string.Join(" ", e.Kommunen)}"));
        Assert.Equal(12, read.Leistungen.Single().Reifegrad20.Kriterien.Count);
        var listed = await _management.ListLeistungOnlinediensteAsync(new ListLeistungOnlinediensteRequest { OzgId = ozgId });
        Assert.Equal(id, Assert.Single(listed.Onlinedienste).OnlinedienstId);

        var history = await new ProgrammeManagementService.ProgrammeManagementServiceClient(fixture.Host.Channel)
            .ListProgrammeChangesAsync(new ListProgrammeChangesRequest { OnlinedienstId = id });
        Assert.Equal([6L, 5, 4, 3, 2, 1], history.Changes.Select(c => c.Version));
        Assert.Equal(["veroeffentlichung", "einsatzgebiet", "bewertung", "bewertung", "details", "registrierung"], history.Changes.Select(c => c.Action));
        Assert.All(history.Changes, c => Assert.Equal($"{anbieter}:alice", c.ChangedBy));

        var announced = new List<string>();
        while (announced.Count < 6)
        {
            Assert.True(await stream.ResponseStream.MoveNext(deadline.Token), "the stream ended before announcing the Onlinedienst's changes");
            if (stream.ResponseStream.Current.ProgrammeEvent is { Kind: ProgrammeEventKind.OnlinedienstGeaendert } e && e.OnlinedienstId == id)
            {
                announced.Add(e.Description);
            }
        }

        Assert.Contains("registrierung, version 1", announced[0]);
        Assert.Contains("veroeffentlichung, version 6", announced[5]);
    }

    [Fact]
    public async Task Blockers_name_the_criteria_rated_below_the_level_and_the_basiskomponenten_it_needs_that_are_missing()
    {
        var (anbieter, _) = await NewAnbieterAsync();
        var (_, leikaKey) = await fixture.TakeLeikaLeistungAsync();
        var id = NewId("od");
        await _management.RegisterOnlinedienstAsync(new RegisterOnlinedienstRequest { OnlinedienstId = id, RequestId = NewId(), Name = "Wohngeld", Url = "https://wohngeld.example.org", AnbieterId = anbieter });
        var details = Details("Hersteller B");
        details.Basiskomponenten.Add([Basiskomponente.DeutschlandId, Basiskomponente.Noots]);
        await _management.SetOnlinedienstDetailsAsync(new SetOnlinedienstDetailsRequest { OnlinedienstId = id, RequestId = NewId(), Details = details });
        await _management.RateOnlinedienstLeistungAsync(new RateOnlinedienstLeistungRequest
        {
            OnlinedienstId = id, RequestId = NewId(), LeikaKey = leikaKey, Modell = ReifegradModell.V20, Kriterien = { Rating(13, 7, ("K04", 5)) },
        });

        var to6 = await _management.GetReifegradBlockerAsync(new GetReifegradBlockerRequest { OnlinedienstId = id, LeikaKey = leikaKey, Modell = ReifegradModell.V20, Zielstufe = 6 });
        var to5 = await _management.GetReifegradBlockerAsync(new GetReifegradBlockerRequest { OnlinedienstId = id, LeikaKey = leikaKey, Modell = ReifegradModell.V20, Zielstufe = 5 });
        var to1By11 = await _management.GetReifegradBlockerAsync(new GetReifegradBlockerRequest { OnlinedienstId = id, LeikaKey = leikaKey, Modell = ReifegradModell.V11, Zielstufe = 1 });
        var unrated = await Assert.ThrowsAsync<RpcException>(() => _management.GetReifegradBlockerAsync(new GetReifegradBlockerRequest
        {
            OnlinedienstId = id, LeikaKey = "99999999999999", Modell = ReifegradModell.V20, Zielstufe = 3,
        }).ResponseAsync);

        Assert.Equal((5, false), (to6.Stufe, to6.Erreicht));
        var unter = Assert.Single(to6.Kriterien);
        Assert.Equal(("K04", 5), (unter.Kriterium, unter.Bewertet));
        Assert.Equal(
            new[] { Basiskomponente.Organisationskonto, Basiskomponente.Statusmonitor, Basiskomponente.EAkte, Basiskomponente.ZahlungHkr },
            to6.FehlendeBasiskomponenten.ToArray());
        Assert.True(to5.Erreicht);
        Assert.Equal(10, to1By11.Kriterien.Count);
        Assert.Equal(StatusCode.NotFound, unrated.StatusCode);
    }

    [Fact]
    public async Task A_retry_is_answered_once_a_reused_request_id_and_a_stale_version_are_refused()
    {
        var (anbieter, channel) = await NewAnbieterAsync();
        var client = new OnlinedienstService.OnlinedienstServiceClient(channel);
        var id = NewId("od");
        var register = new RegisterOnlinedienstRequest { OnlinedienstId = id, RequestId = NewId(), Name = "Gewerbe", Url = "https://gewerbe.example.org", AnbieterId = anbieter };

        var first = await client.RegisterOnlinedienstAsync(register);
        var retry = await client.RegisterOnlinedienstAsync(register);
        var reused = await Assert.ThrowsAsync<RpcException>(() => client.RegisterOnlinedienstAsync(new RegisterOnlinedienstRequest(register) { Name = "Anders" }).ResponseAsync);
        var stale = await Assert.ThrowsAsync<RpcException>(() => client.PublishOnlinedienstAsync(new PublishOnlinedienstRequest
        {
            OnlinedienstId = id, RequestId = NewId(), ExpectedVersion = 0, Veroeffentlicht = true,
        }).ResponseAsync);

        Assert.Equal(first.Onlinedienst, retry.Onlinedienst);
        Assert.Equal(StatusCode.InvalidArgument, reused.StatusCode);
        Assert.StartsWith("request_id", reused.Status.Detail);
        Assert.Equal(StatusCode.FailedPrecondition, stale.StatusCode);
        Assert.Equal("1", stale.Trailers.GetValue("ozg-current-version"));
        Assert.Equal(1, (await client.GetOnlinedienstAsync(new GetOnlinedienstRequest { OnlinedienstId = id })).Onlinedienst.Version);
    }

    [Fact]
    public async Task Another_it_dienstleister_is_refused_learns_nothing_of_the_anbieter_and_changes_nothing()
    {
        var (anbieter, channel) = await NewAnbieterAsync();
        var (_, leikaKey) = await fixture.TakeLeikaLeistungAsync();
        var id = NewId("od");
        await new OnlinedienstService.OnlinedienstServiceClient(channel).RegisterOnlinedienstAsync(new RegisterOnlinedienstRequest
        {
            OnlinedienstId = id, RequestId = NewId(), Name = "Meldewesen", Url = "https://melde.example.org", AnbieterId = anbieter,
        });
        var dataport = new OnlinedienstService.OnlinedienstServiceClient(fixture.Host.ChannelFor(Roles.ItDienstleister, "dataport:eve", KnownData.Dataport));
        var monitoring = new OnlinedienstService.OnlinedienstServiceClient(fixture.Host.ChannelFor(Roles.Monitoring, "od-monitor"));

        Func<Task>[] attempts =
        [
            () => dataport.RegisterOnlinedienstAsync(new RegisterOnlinedienstRequest { OnlinedienstId = id, RequestId = NewId(), Name = "x", Url = "https://x.example.org", AnbieterId = KnownData.Dataport }).ResponseAsync,
            () => dataport.SetOnlinedienstDetailsAsync(new SetOnlinedienstDetailsRequest { OnlinedienstId = id, RequestId = NewId(), Details = Details("x") }).ResponseAsync,
            () => dataport.RateOnlinedienstLeistungAsync(new RateOnlinedienstLeistungRequest { OnlinedienstId = id, RequestId = NewId(), LeikaKey = leikaKey, Modell = ReifegradModell.V11 }).ResponseAsync,
            () => dataport.SetOnlinedienstEinsatzgebietAsync(new SetOnlinedienstEinsatzgebietRequest { OnlinedienstId = id, RequestId = NewId() }).ResponseAsync,
            () => dataport.PublishOnlinedienstAsync(new PublishOnlinedienstRequest { OnlinedienstId = id, RequestId = NewId(), Veroeffentlicht = true }).ResponseAsync,
            () => dataport.RegisterOnlinedienstAsync(new RegisterOnlinedienstRequest { OnlinedienstId = NewId("od"), RequestId = NewId(), Name = "x", Url = "https://x.example.org", AnbieterId = anbieter }).ResponseAsync,
            () => monitoring.PublishOnlinedienstAsync(new PublishOnlinedienstRequest { OnlinedienstId = id, RequestId = NewId(), Veroeffentlicht = true }).ResponseAsync,
        ];

        foreach (var attempt in attempts)
        {
            var refused = await Assert.ThrowsAsync<RpcException>(attempt);
            Assert.Equal(StatusCode.PermissionDenied, refused.StatusCode);
            Assert.DoesNotContain(anbieter, refused.Status.Detail, StringComparison.Ordinal);
        }

        var read = (await monitoring.GetOnlinedienstAsync(new GetOnlinedienstRequest { OnlinedienstId = id })).Onlinedienst;
        Assert.Equal((1L, anbieter, false), (read.Version, read.AnbieterId, read.Veroeffentlicht));
    }

    [Fact]
    public async Task Lists_filter_by_anbieter_hersteller_nutzerkonto_and_vertrauensniveau_and_page()
    {
        var (anbieter, _) = await NewAnbieterAsync();
        var ids = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            var id = $"od-list-{anbieter}-{i}";
            ids.Add(id);
            await _management.RegisterOnlinedienstAsync(new RegisterOnlinedienstRequest { OnlinedienstId = id, RequestId = NewId(), Name = $"Dienst {i}", Url = "https://d.example.org", AnbieterId = anbieter });
            var details = Details(i == 2 ? "Hersteller Z" : "Hersteller A");
            details.MindestVertrauensniveau = i == 1 ? Vertrauensniveau.Hoch : Vertrauensniveau.Substantiell;
            if (i == 0)
            {
                details.Nutzerkonten.Add(new Nutzerkonto { Art = NutzerkontoArt.MeinUnternehmenskonto });
            }

            await _management.SetOnlinedienstDetailsAsync(new SetOnlinedienstDetailsRequest { OnlinedienstId = id, RequestId = NewId(), Details = details });
        }

        async Task<List<string>> ListAsync(ListOnlinediensteRequest request)
        {
            var found = new List<string>();
            do
            {
                var page = await _management.ListOnlinediensteAsync(request);
                Assert.True(page.Onlinedienste.Count <= (request.PageSize == 0 ? 50 : request.PageSize));
                found.AddRange(page.Onlinedienste.Select(d => d.OnlinedienstId));
                request.PageToken = page.NextPageToken;
            }
            while (request.PageToken.Length > 0);
            return found;
        }

        Assert.Equal(ids, await ListAsync(new ListOnlinediensteRequest { AnbieterId = anbieter, PageSize = 1 }));
        Assert.Equal([ids[2]], await ListAsync(new ListOnlinediensteRequest { AnbieterId = anbieter, Hersteller = "Hersteller Z" }));
        Assert.Equal(ids, await ListAsync(new ListOnlinediensteRequest { AnbieterId = anbieter, Hersteller = "Fachhersteller" }));
        Assert.Equal([ids[0]], await ListAsync(new ListOnlinediensteRequest { AnbieterId = anbieter, Nutzerkonto = NutzerkontoArt.MeinUnternehmenskonto }));
        Assert.Equal([ids[1]], await ListAsync(new ListOnlinediensteRequest { AnbieterId = anbieter, Vertrauensniveau = Vertrauensniveau.Hoch }));
    }

    [Fact]
    public async Task Unknown_keys_anbieter_and_enum_values_are_refused_naming_what_is_wrong()
    {
        var (anbieter, _) = await NewAnbieterAsync();
        var id = NewId("od");
        await _management.RegisterOnlinedienstAsync(new RegisterOnlinedienstRequest { OnlinedienstId = id, RequestId = NewId(), Name = "n", Url = "https://n.example.org", AnbieterId = anbieter });

        (Func<Task> Call, StatusCode Expected, string DetailStart)[] cases =
        [
            (() => _management.RegisterOnlinedienstAsync(new RegisterOnlinedienstRequest { OnlinedienstId = NewId("od"), RequestId = NewId(), Name = "n", Url = "https://n.example.org", AnbieterId = "nobody-registered" }).ResponseAsync,
                StatusCode.InvalidArgument, "anbieter_id"),
            (() => _management.RegisterOnlinedienstAsync(new RegisterOnlinedienstRequest { OnlinedienstId = NewId("od"), RequestId = NewId(), Name = "n", Url = "ftp://n", AnbieterId = anbieter }).ResponseAsync,
                StatusCode.InvalidArgument, "url"),
            (() => _management.RateOnlinedienstLeistungAsync(new RateOnlinedienstLeistungRequest { OnlinedienstId = id, RequestId = NewId(), LeikaKey = "99999999999999", Modell = ReifegradModell.V11 }).ResponseAsync,
                StatusCode.NotFound, "There is no LeiKa-Leistung"),
            (() => _management.RateOnlinedienstLeistungAsync(new RateOnlinedienstLeistungRequest { OnlinedienstId = id, RequestId = NewId(), LeikaKey = "99001001000000", Modell = (ReifegradModell)9 }).ResponseAsync,
                StatusCode.InvalidArgument, "modell"),
            (() => _management.RateOnlinedienstLeistungAsync(new RateOnlinedienstLeistungRequest
            {
                OnlinedienstId = id, RequestId = NewId(), LeikaKey = "99001001000000", Modell = ReifegradModell.V11, Kriterien = { new KriteriumBewertung { Kriterium = "K11", Stufe = 1 } },
            }).ResponseAsync, StatusCode.InvalidArgument, "kriterien[0].kriterium"),
            (() => _management.RateOnlinedienstLeistungAsync(new RateOnlinedienstLeistungRequest
            {
                OnlinedienstId = id, RequestId = NewId(), LeikaKey = "99001001000000", Modell = ReifegradModell.V11, Kriterien = { new KriteriumBewertung { Kriterium = "K01", Stufe = 5 } },
            }).ResponseAsync, StatusCode.InvalidArgument, "kriterien[0].stufe"),
            (() => _management.SetOnlinedienstDetailsAsync(new SetOnlinedienstDetailsRequest { OnlinedienstId = id, RequestId = NewId(), Details = new OnlinedienstDetails() }).ResponseAsync,
                StatusCode.InvalidArgument, "details.mindest_vertrauensniveau"),
            (() => _management.SetOnlinedienstEinsatzgebietAsync(new SetOnlinedienstEinsatzgebietRequest
            {
                OnlinedienstId = id, RequestId = NewId(), Einsatzgebiet = { new EinsatzImLand { Land = "BY", Kommunen = { "05315000" } } },
            }).ResponseAsync, StatusCode.InvalidArgument, "einsatzgebiet[0].kommunen[0]"),
            (() => _management.GetReifegradBlockerAsync(new GetReifegradBlockerRequest { OnlinedienstId = id, LeikaKey = "99001001000000", Modell = ReifegradModell.V11, Zielstufe = 5 }).ResponseAsync,
                StatusCode.InvalidArgument, "zielstufe"),
            (() => _management.GetOnlinedienstAsync(new GetOnlinedienstRequest { OnlinedienstId = NewId("od") }).ResponseAsync, StatusCode.NotFound, "There is no Onlinedienst"),
        ];

        foreach (var (call, expected, detailStart) in cases)
        {
            var refused = await Assert.ThrowsAsync<RpcException>(call);
            Assert.Equal((expected, true), (refused.StatusCode, refused.Status.Detail.StartsWith(detailStart, StringComparison.Ordinal)));
        }

        Assert.Equal(1, (await _management.GetOnlinedienstAsync(new GetOnlinedienstRequest { OnlinedienstId = id })).Onlinedienst.Version);
    }

    [Fact]
    public async Task The_report_has_one_row_per_pair_with_both_levels_and_one_for_an_onlinedienst_without_leistungen()
    {
        var (anbieter, _) = await NewAnbieterAsync();
        var (ozgId, leikaKey) = await fixture.TakeLeikaLeistungAsync();
        var (rated, bare) = (NewId("od"), NewId("od"));
        foreach (var id in new[] { rated, bare })
        {
            await _management.RegisterOnlinedienstAsync(new RegisterOnlinedienstRequest { OnlinedienstId = id, RequestId = NewId(), Name = "Bericht", Url = "https://b.example.org", AnbieterId = anbieter });
        }

        await _management.RateOnlinedienstLeistungAsync(new RateOnlinedienstLeistungRequest
        {
            OnlinedienstId = rated, RequestId = NewId(), LeikaKey = leikaKey, Modell = ReifegradModell.V11, Kriterien = { Rating(10, 3) },
        });
        await _management.RateOnlinedienstLeistungAsync(new RateOnlinedienstLeistungRequest
        {
            OnlinedienstId = rated, RequestId = NewId(), LeikaKey = leikaKey, Modell = ReifegradModell.V20, Kriterien = { Rating(13, 5, ("K13", 4)) },
        });

        var report = await new OnlinedienstService.OnlinedienstServiceClient(fixture.Host.ChannelFor(Roles.Monitoring, "od-report"))
            .ExportOnlinedienstReportAsync(new ExportOnlinedienstReportRequest());

        var lines = report.Csv.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToList();
        Assert.Equal("onlinedienst_id,name,anbieter_id,hersteller,efa,veroeffentlicht,leika_key,ozg_id,reifegrad_1_1,reifegrad_2_0", lines[0]);
        Assert.Contains($"{rated},Bericht,{anbieter},,False,False,{leikaKey},{ozgId},3,4", lines);
        Assert.Contains($"{bare},Bericht,{anbieter},,False,False,,,,", lines);
        Assert.StartsWith("ozg-onlinedienste-", report.FileName);
    }

    [Theory]
    [InlineData("=HYPERLINK(\"https://evil.example\",\"Bericht\")")]
    [InlineData("+1+cmd|' /C calc'!A0")]
    [InlineData("-2+3+cmd|' /C calc'!A0")]
    [InlineData("@SUM(1+1)")]
    public async Task A_name_a_spreadsheet_would_run_as_a_formula_is_written_to_the_report_as_text(string name)
    {
        // An IT-Dienstleister names its Onlinedienst; the programme management opens the report in a spreadsheet.
        var (anbieter, _) = await NewAnbieterAsync();
        var id = NewId("od");
        await _management.RegisterOnlinedienstAsync(new RegisterOnlinedienstRequest { OnlinedienstId = id, RequestId = NewId(), Name = name, Url = "https://f.example.org", AnbieterId = anbieter });

        var report = await new OnlinedienstService.OnlinedienstServiceClient(fixture.Host.ChannelFor(Roles.Monitoring, "od-report"))
            .ExportOnlinedienstReportAsync(new ExportOnlinedienstReportRequest());

        using var csv = new CsvHelper.CsvReader(new StringReader(report.Csv), System.Globalization.CultureInfo.InvariantCulture);
        csv.Read();
        csv.ReadHeader();
        string? written = null;
        while (csv.Read())
        {
            written = csv.GetField("onlinedienst_id") == id ? csv.GetField("name") : written;
        }

        Assert.Equal("'" + name, written);
    }

    private static OnlinedienstDetails Details(string hersteller) => new()
    {
        Hersteller = hersteller,
        Fachverfahren = { new Fachverfahren { Name = "Fachverfahren 1", Hersteller = "Fachhersteller" } },
        Portale = { "Landesportal" },
        Nutzerkonten = { new Nutzerkonto { Art = NutzerkontoArt.BundId }, new Nutzerkonto { Art = NutzerkontoArt.Landeskonto, Land = "SH" } },
        MindestVertrauensniveau = Vertrauensniveau.Substantiell,
        Bezahldienst = "ePayBL",
        Zustellwege = { Zustellweg.FitConnect },
        Efa = true,
    };

    /// <summary>Criteria K01… of a model, <paramref name="count"/> of them rated <paramref name="stufe"/>, with exceptions.</summary>
    private static IEnumerable<KriteriumBewertung> Rating(int count, int stufe, params (string Kriterium, int Stufe)[] except) =>
        Enumerable.Range(1, count).Select(i => $"K{i:00}")
            .Select(k => new KriteriumBewertung { Kriterium = k, Stufe = except.FirstOrDefault(e => e.Kriterium == k) is { Kriterium: not null } e ? e.Stufe : stufe });

    /// <summary>A newly registered IT-Dienstleister and a channel of one of its people.</summary>
    private async Task<(string Id, GrpcChannel Channel)> NewAnbieterAsync()
    {
        var id = $"itdl-{Guid.NewGuid():N}"[..20];
        await new ItDienstleisterService.ItDienstleisterServiceClient(fixture.Host.Channel).RegisterItDienstleisterAsync(new RegisterItDienstleisterRequest
        {
            Id = id, RequestId = NewId(), Name = $"IT-Dienstleister {id}", Laender = { "SH" },
        });
        return (id, fixture.Host.ChannelFor(Roles.ItDienstleister, $"{id}:alice", id));
    }

    private static string NewId(string prefix = "req") => $"{prefix}-{Guid.NewGuid():N}"[..Math.Min(prefix.Length + 25, 60)];
}
