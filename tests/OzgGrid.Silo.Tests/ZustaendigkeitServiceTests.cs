using Grpc.Core;
using OzgGrid.Gateway.Identity;
using OzgGrid.Grains.Abstractions.Laender;
using OzgGrid.Grains.Kommunen;
using OzgGrid.Protos.V1;
using OzgGrid.Silo.Tests.Hosting;

namespace OzgGrid.Silo.Tests;

/// <summary>Zuständigkeitsebene, responsible Kommunen and FIM status over real gRPC, on the shipped NRW register. On each store: <see cref="AzuriteZustaendigkeitServiceTests"/>, <see cref="Postgres.PostgresZustaendigkeitServiceTests"/>.</summary>
public abstract class ZustaendigkeitServiceTests(GatewayFixture fixture)
{
    /// <summary>The Kommunen (numbers of the NRW file) that have the Leistung online in the first test.</summary>
    private static readonly int[] OnlineInNrw = [1, 2, 3, 7];

    private readonly ZustaendigkeitService.ZustaendigkeitServiceClient _client = new(fixture.Host.Channel);
    private readonly RolloutService.RolloutServiceClient _rollout = new(fixture.Host.Channel);

    [Fact]
    public async Task Flaechendeckend_counts_only_the_responsible_Kommunen_and_follows_a_change_of_their_list()
    {
        var ozgId = await LeistungAtAsync(reifegrad: 3);
        await using var watcher = StreamWatcher.Open(fixture.Monitoring, new WatchProgrammeRequest { OzgIds = { ozgId } });
        await watcher.ReadSnapshotAsync();
        await _rollout.ReportRolloutsAsync(new ReportRolloutsRequest
        {
            RequestId = NewId(),
            Entries = { OnlineInNrw.Select(n => new RolloutReport { OzgId = ozgId, Ags = Nrw(n), Verfuegbarkeit = KommuneVerfuegbarkeit.Online, Reifegrad = 3 }) },
        });
        Assert.Equal(Verfuegbarkeit.InMindestensEinerKommune, await NrwVerfuegbarkeitAsync(ozgId));

        // Three responsible Kommunen, all three online (a fourth, not responsible, online too).
        var set = await _client.SetZustaendigeKommunenAsync(Liste(ozgId, Nrw(1), Nrw(2), Nrw(3)));
        Assert.Equal((ZustaendigeKommunenArt.Liste, 1L), (set.ZustaendigeKommunen.Art, set.ZustaendigeKommunen.Version));
        await Eventually.ReturnsAsync(() => NrwVerfuegbarkeitAsync(ozgId), v => v == Verfuegbarkeit.Flaechendeckend, "NW flächendeckend: every responsible Kommune online");
        Assert.Contains("land/NW/flaechendeckend", await watcher.LandFiguresMovedAsync(ozgId, "NW", Verfuegbarkeit.Flaechendeckend));

        // A fourth responsible Kommune, not online: back to in mindestens einer Kommune, within seconds.
        await _client.SetZustaendigeKommunenAsync(Liste(ozgId, Nrw(1), Nrw(2), Nrw(3), Nrw(4), Nrw(5)));
        await Eventually.ReturnsAsync(() => NrwVerfuegbarkeitAsync(ozgId), v => v == Verfuegbarkeit.InMindestensEinerKommune,
            "NW in mindestens einer Kommune: 3 of 5 responsible online", TimeSpan.FromSeconds(10));
        Assert.Contains("land/NW/flaechendeckend", await watcher.LandFiguresMovedAsync(ozgId, "NW", Verfuegbarkeit.InMindestensEinerKommune));

        var rollout = await _rollout.GetRolloutAsync(new GetRolloutRequest { OzgId = ozgId, Land = "NW" });
        Assert.Equal((Verfuegbarkeit.InMindestensEinerKommune, 3), (rollout.Verfuegbarkeit, rollout.OnlineKommunen));
        var got = await _client.GetZustaendigeKommunenAsync(new GetZustaendigeKommunenRequest { OzgId = ozgId, Land = "05" });
        Assert.Equal([Nrw(1), Nrw(2), Nrw(3), Nrw(4), Nrw(5)], got.ZustaendigeKommunen.Ags);
        var changes = await new ProgrammeManagementService.ProgrammeManagementServiceClient(fixture.Host.Channel).ListProgrammeChangesAsync(
            new ListProgrammeChangesRequest { ZustaendigeKommunen = new ZustaendigeKommunenSubject { OzgId = ozgId, Land = "NW" } });
        Assert.Equal([2L, 1L], changes.Changes.Select(c => c.Version));
        Assert.Contains(changes.Changes[0].Fields, f => f.Field == "zustaendige_kommunen.hinzu" && f.After == $"{Nrw(4)}, {Nrw(5)}");
    }

    [Fact]
    public async Task With_no_responsible_Kommune_a_Land_is_flaechendeckend_from_the_Leistungs_go_live()
    {
        var live = await LeistungAtAsync(reifegrad: 2);
        var notLive = await LeistungAtAsync(reifegrad: 1);

        await _client.SetZustaendigeKommunenAsync(Keine(live));
        await _client.SetZustaendigeKommunenAsync(Keine(notLive));

        await Eventually.ReturnsAsync(() => NrwVerfuegbarkeitAsync(live), v => v == Verfuegbarkeit.Flaechendeckend, "a live Leistung with no responsible Kommune: flächendeckend");
        Assert.Equal(Verfuegbarkeit.Keine, await NrwVerfuegbarkeitAsync(notLive));

        // Every Kommune again: the Kommunen count, and none has reported.
        await _client.SetZustaendigeKommunenAsync(new SetZustaendigeKommunenRequest { OzgId = live, Land = "NW", RequestId = NewId(), Art = ZustaendigeKommunenArt.Alle });
        await Eventually.ReturnsAsync(() => NrwVerfuegbarkeitAsync(live), v => v == Verfuegbarkeit.Keine, "back to keine with every Kommune responsible");
    }

    [Fact]
    public async Task FIM_status_and_Zustaendigkeitsebene_round_trip_with_replay_stale_version_list_report_and_history()
    {
        var ozgId = fixture.TakeOzgId();
        var empty = await _client.GetSteckbriefAsync(new GetSteckbriefRequest { OzgId = ozgId });
        Assert.Equal((0L, 0, 0), (empty.Steckbrief.Version, empty.Steckbrief.Ebenen.Count, empty.Steckbrief.Fim.Count));

        var ebenen = new SetZustaendigkeitsebeneRequest { OzgId = ozgId, RequestId = NewId(), Ebenen = { Zustaendigkeitsebene.Kommune, Zustaendigkeitsebene.Land } };
        var first = await _client.SetZustaendigkeitsebeneAsync(ebenen);
        var replay = await _client.SetZustaendigkeitsebeneAsync(ebenen);
        Assert.Equal([Zustaendigkeitsebene.Land, Zustaendigkeitsebene.Kommune], first.Steckbrief.Ebenen);
        Assert.Equal((1L, 1L), (first.Steckbrief.Version, replay.Steckbrief.Version));

        var gold = Fim(ozgId, FimBaustein.Stammtext, "S99010000", "1.2", FimStatus.FachlichFreigegebenGold, expectedVersion: 1);
        var set = await _client.SetFimStatusAsync(gold);
        Assert.Equal(2L, set.Steckbrief.Version);
        var stale = await Assert.ThrowsAsync<RpcException>(() => _client.SetFimStatusAsync(
            Fim(ozgId, FimBaustein.Stammprozess, "P1", "1", FimStatus.Entwurf, expectedVersion: 1)).ResponseAsync);
        Assert.Equal(StatusCode.FailedPrecondition, stale.StatusCode);
        var reused = await Assert.ThrowsAsync<RpcException>(() => _client.SetFimStatusAsync(
            new SetFimStatusRequest(gold) { Eintrag = new FimEintrag(gold.Eintrag) { Status = FimStatus.Inaktiv } }).ResponseAsync);
        Assert.Equal(StatusCode.InvalidArgument, reused.StatusCode);
        await _client.SetFimStatusAsync(Fim(ozgId, FimBaustein.Stammdatenschema, "S00000092", "2.0", FimStatus.Entwurf));

        var got = (await _client.GetSteckbriefAsync(new GetSteckbriefRequest { OzgId = ozgId })).Steckbrief;
        Assert.Equal(3L, got.Version);
        Assert.Equal(
            [(FimBaustein.Stammtext, "S99010000", "1.2", FimStatus.FachlichFreigegebenGold), (FimBaustein.Stammdatenschema, "S00000092", "2.0", FimStatus.Entwurf)],
            got.Fim.Select(f => (f.Baustein, f.FimId, f.Version, f.Status)));

        var goldList = await _client.ListLeistungenByFimStatusAsync(new ListLeistungenByFimStatusRequest { Status = FimStatus.FachlichFreigegebenGold });
        Assert.Contains(ozgId, goldList.Steckbriefe.Select(s => s.OzgId));
        var goldSchema = await _client.ListLeistungenByFimStatusAsync(new ListLeistungenByFimStatusRequest
        {
            Status = FimStatus.FachlichFreigegebenGold, Baustein = FimBaustein.Stammdatenschema,
        });
        Assert.DoesNotContain(ozgId, goldSchema.Steckbriefe.Select(s => s.OzgId));

        // Moved on: the Leistung leaves the gold list.
        await _client.SetFimStatusAsync(Fim(ozgId, FimBaustein.Stammtext, "S99010000", "1.3", FimStatus.Inaktiv));
        var after = await _client.ListLeistungenByFimStatusAsync(new ListLeistungenByFimStatusRequest { Status = FimStatus.FachlichFreigegebenGold });
        Assert.DoesNotContain(ozgId, after.Steckbriefe.Select(s => s.OzgId));

        var report = await _client.ExportFimReportAsync(new ExportFimReportRequest());
        Assert.StartsWith("ozg-fim-status-", report.FileName);
        var lines = report.Csv.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Equal("ozg_id,name,zustaendigkeitsebene,stammtext_id,stammtext_version,stammtext_status,stammdatenschema_id,stammdatenschema_version,"
            + "stammdatenschema_status,stammprozess_id,stammprozess_version,stammprozess_status,version", lines[0]);
        var row = Assert.Single(lines, l => l.StartsWith($"{ozgId},", StringComparison.Ordinal));
        Assert.EndsWith(",land kommune,S99010000,1.3,inaktiv,S00000092,2.0,entwurf,,,,4", row);

        var history = await new ProgrammeManagementService.ProgrammeManagementServiceClient(fixture.Host.Channel)
            .ListProgrammeChangesAsync(new ListProgrammeChangesRequest { SteckbriefOzgId = ozgId });
        Assert.Equal(["fim", "fim", "fim", "zustaendigkeitsebene"], history.Changes.Select(c => c.Action));
    }

    [Fact]
    public async Task Changes_are_announced_on_WatchProgrammeManagement()
    {
        var ozgId = await LeistungAtAsync(reifegrad: 2);
        using var stream = new ProgrammeManagementService.ProgrammeManagementServiceClient(fixture.Host.Channel)
            .WatchProgrammeManagement(new WatchProgrammeManagementRequest());
        using var deadline = new CancellationTokenSource(Eventually.DefaultTimeout);
        Assert.True(await stream.ResponseStream.MoveNext(deadline.Token));

        await _client.SetZustaendigkeitsebeneAsync(new SetZustaendigkeitsebeneRequest { OzgId = ozgId, RequestId = NewId(), Ebenen = { Zustaendigkeitsebene.Bund } });
        await _client.SetFimStatusAsync(Fim(ozgId, FimBaustein.Stammprozess, "99001001", "1.0", FimStatus.MethodischFreigegeben));
        await _client.SetZustaendigeKommunenAsync(Keine(ozgId));

        var seen = new Dictionary<ProgrammeEventKind, string>();
        while (seen.Count < 3 && await stream.ResponseStream.MoveNext(deadline.Token))
        {
            if (stream.ResponseStream.Current.ProgrammeEvent is { } e && e.OzgId == ozgId)
            {
                Assert.Empty(e.ChangedFigures);
                seen[e.Kind] = e.Land;
            }
        }

        // The responsible Kommunen's event names its Land, so that a watcher need not parse the description.
        Assert.Equal(
            [(ProgrammeEventKind.ZustaendigkeitsebeneGeaendert, ""), (ProgrammeEventKind.FimStatusGeaendert, ""), (ProgrammeEventKind.ZustaendigeKommunenGeaendert, "NW")],
            seen.OrderBy(k => k.Key).Select(k => (k.Key, k.Value)));
    }

    [Fact]
    public async Task Only_the_management_writes_the_Steckbrief_and_an_IT_Dienstleister_the_responsible_Kommunen_of_its_Leistung_in_its_Laender()
    {
        var ozgId = await LeistungAtAsync(reifegrad: 3);
        await fixture.Leistungen.SetZustaendigkeitAsync(new SetZustaendigkeitRequest
        {
            OzgId = ozgId, RequestId = NewId(), Zustaendigkeit = new Zustaendigkeit { Land = "HB", ItDienstleister = KnownData.Dataport },
        });
        var bremen = ShippedRegister.Of("HB");
        var dataport = new ZustaendigkeitService.ZustaendigkeitServiceClient(fixture.Host.ChannelFor(Roles.ItDienstleister, "dataport:dora", KnownData.Dataport));
        var monitoring = new ZustaendigkeitService.ZustaendigkeitServiceClient(fixture.Host.ChannelFor(Roles.Monitoring, "dashboard"));

        var inBremen = await dataport.SetZustaendigeKommunenAsync(new SetZustaendigeKommunenRequest
        {
            OzgId = ozgId, Land = "HB", RequestId = NewId(), Art = ZustaendigeKommunenArt.Liste, Ags = { bremen[0].Ags },
        });
        Assert.Equal("dataport:dora", inBremen.ZustaendigeKommunen.LastChange.ChangedBy);

        var refusals = new[]
        {
            await Refusal(() => dataport.SetZustaendigeKommunenAsync(Liste(ozgId, Nrw(1))).ResponseAsync),
            await Refusal(() => dataport.SetZustaendigkeitsebeneAsync(new SetZustaendigkeitsebeneRequest { OzgId = ozgId, RequestId = NewId(), Ebenen = { Zustaendigkeitsebene.Land } }).ResponseAsync),
            await Refusal(() => dataport.SetFimStatusAsync(Fim(ozgId, FimBaustein.Stammtext, "S1", "1", FimStatus.Entwurf)).ResponseAsync),
            await Refusal(() => monitoring.SetZustaendigeKommunenAsync(Keine(ozgId)).ResponseAsync),
        };
        Assert.All(refusals, r => Assert.Equal(StatusCode.PermissionDenied, r.StatusCode));
        Assert.Contains("does not serve NW", refusals[0].Status.Detail);
        Assert.Equal(0L, (await monitoring.GetZustaendigeKommunenAsync(new GetZustaendigeKommunenRequest { OzgId = ozgId, Land = "NW" })).ZustaendigeKommunen.Version);
        Assert.Equal(0L, (await monitoring.GetSteckbriefAsync(new GetSteckbriefRequest { OzgId = ozgId })).Steckbrief.Version);
    }

    [Fact]
    public async Task Bad_requests_are_refused_naming_the_field()
    {
        var ozgId = fixture.TakeOzgId();
        (Func<Task> Call, StatusCode Code, string Field)[] cases =
        [
            (() => _client.SetZustaendigkeitsebeneAsync(new SetZustaendigkeitsebeneRequest { OzgId = ozgId, RequestId = NewId(), Ebenen = { (Zustaendigkeitsebene)9 } }).ResponseAsync, StatusCode.InvalidArgument, "ebenen[0]"),
            (() => _client.SetZustaendigkeitsebeneAsync(new SetZustaendigkeitsebeneRequest { OzgId = ozgId, RequestId = NewId() }).ResponseAsync, StatusCode.InvalidArgument, "ebenen"),
            (() => _client.SetFimStatusAsync(Fim(ozgId, FimBaustein.Stammtext, "S 1", "1", FimStatus.Entwurf)).ResponseAsync, StatusCode.InvalidArgument, "eintrag.fim_id"),
            (() => _client.SetFimStatusAsync(Fim(ozgId, FimBaustein.Stammtext, "S1", "1", FimStatus.Unspecified)).ResponseAsync, StatusCode.InvalidArgument, "eintrag.status"),
            (() => _client.SetZustaendigeKommunenAsync(Liste(ozgId, "02000000")).ResponseAsync, StatusCode.InvalidArgument, "ags[0]"),
            (() => _client.SetZustaendigeKommunenAsync(Liste(ozgId, Nrw(1), Nrw(1))).ResponseAsync, StatusCode.InvalidArgument, "ags"),
            (() => _client.SetZustaendigeKommunenAsync(Liste(ozgId, "05999999")).ResponseAsync, StatusCode.NotFound, "05999999"),
            (() => _client.SetZustaendigeKommunenAsync(Liste(999_999, Nrw(1))).ResponseAsync, StatusCode.NotFound, "999999"),
            (() => _client.ListLeistungenByFimStatusAsync(new ListLeistungenByFimStatusRequest()).ResponseAsync, StatusCode.InvalidArgument, "status"),
        ];

        foreach (var (call, code, field) in cases)
        {
            var refused = await Refusal(call);
            Assert.Equal(code, refused.StatusCode);
            Assert.Contains(field, refused.Status.Detail);
        }

        Assert.Equal(0L, (await _client.GetZustaendigeKommunenAsync(new GetZustaendigeKommunenRequest { OzgId = ozgId, Land = "NW" })).ZustaendigeKommunen.Version);
    }

    private async Task<int> LeistungAtAsync(int reifegrad)
    {
        var ozgId = fixture.TakeOzgId();
        await fixture.Leistungen.UpdateLeistungStatusAsync(new UpdateLeistungStatusRequest { OzgId = ozgId, RequestId = NewId(), Reifegrad = reifegrad });
        return ozgId;
    }

    private async Task<Verfuegbarkeit> NrwVerfuegbarkeitAsync(int ozgId) =>
        (await fixture.Leistungen.GetLeistungAsync(new GetLeistungRequest { OzgId = ozgId })).Leistung.Status.Verfuegbarkeit.GetValueOrDefault("NW", Verfuegbarkeit.Keine);

    private static async Task<RpcException> Refusal(Func<Task> call) => await Assert.ThrowsAsync<RpcException>(call);

    private static SetZustaendigeKommunenRequest Liste(int ozgId, params string[] ags) =>
        new() { OzgId = ozgId, Land = "NW", RequestId = NewId(), Art = ZustaendigeKommunenArt.Liste, Ags = { ags } };

    private static SetZustaendigeKommunenRequest Keine(int ozgId) =>
        new() { OzgId = ozgId, Land = "NW", RequestId = NewId(), Art = ZustaendigeKommunenArt.Keine };

    private static SetFimStatusRequest Fim(int ozgId, FimBaustein baustein, string fimId, string version, FimStatus status, long? expectedVersion = null)
    {
        var request = new SetFimStatusRequest
        {
            OzgId = ozgId, RequestId = NewId(), Eintrag = new FimEintrag { Baustein = baustein, FimId = fimId, Version = version, Status = status },
        };
        if (expectedVersion is { } expected)
        {
            request.ExpectedVersion = expected;
        }

        return request;
    }

    /// <summary>The AGS of the n-th NW Gemeinde of the shipped register.</summary>
    private static string Nrw(int n) => ShippedRegister.Ags("NW", n);

    private static string NewId() => Guid.NewGuid().ToString();
}
