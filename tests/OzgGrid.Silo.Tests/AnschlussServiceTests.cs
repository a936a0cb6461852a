using Grpc.Core;
using OzgGrid.Gateway.Identity;
using Microsoft.Extensions.DependencyInjection;
using OzgGrid.Grains.Anschluss;
using OzgGrid.Grains.ProgrammeManagement;
using OzgGrid.Protos.V1;
using OzgGrid.Silo.Tests.Hosting;
using static OzgGrid.Silo.Tests.Hosting.AnschlussChecklist;

namespace OzgGrid.Silo.Tests;

/// <summary>
/// The Anschluss pipeline over real gRPC: checklists set by the Anbieter (an IT-Dienstleister serving NW) and the
/// programme management, progress per Kreis and Land, a confirmed Go-Live reported ONLINE into the Leistung's rollout,
/// the forecast with blockers and dates, overdue Go-Lives listed and streamed, roles and replays. AGS come from the
/// register (ListKommunen), never from the test.
/// On each store: <see cref="AzuriteAnschlussServiceTests"/>, <see cref="Postgres.PostgresAnschlussServiceTests"/>.
/// </summary>
public abstract class AnschlussServiceTests(GatewayFixture fixture)
{
    private readonly AnschlussService.AnschlussServiceClient _management = new(fixture.Host.Channel);
    private readonly AnschlussService.AnschlussServiceClient _dataport = new(fixture.Host.ChannelFor(Roles.ItDienstleister, "dataport:anna", KnownData.Dataport));
    private AnschlussService.AnschlussServiceClient _anbieter = null!;
    private readonly RolloutService.RolloutServiceClient _rollout = new(fixture.Host.Channel);

    [Fact]
    public async Task The_Anbieters_items_add_up_per_Kreis_and_Land_and_a_confirmed_Go_Live_brings_the_Kommune_online()
    {
        var (ozgId, onlinedienst) = await OnlinedienstInNwAsync();
        var nw = await KommunenAsync("NW");
        // Two Kreise where the register has them (the shipped NRW list has generated AGS, all in one).
        var (k1, k2) = (nw[0], nw.FirstOrDefault(ags => ags[..5] != nw[0][..5]) ?? nw[1]);
        var today = Today;

        var first = await _anbieter.SetAnschlussAsync(Request(onlinedienst,
            [.. Bis(k1, today, AnschlussSchritt.GoLiveErfolgt), Item(k2, AnschlussSchritt.Nachnutzungsvereinbarung, Day(today)), Item(k2, AnschlussSchritt.GoLiveGeplant, Day(today.AddDays(30)))]));
        Assert.Equal((1L, "NW"), (first.Version, first.Land));
        var eins = first.Kommunen.Single(k => k.Ags == k1);
        Assert.Equal((AnschlussSchritt.BestaetigtDurchKommune, false), (eins.Offen, eins.Online));

        // Not confirmed yet: not reported. The programme management confirms on the Kommune's behalf, recorded as such.
        var confirmed = await _management.SetAnschlussAsync(Request(onlinedienst, [Item(k1, AnschlussSchritt.BestaetigtDurchKommune, "Bürgeramt, Frau Muster")]));
        var bestaetigt = confirmed.Kommunen.Single();
        Assert.True(bestaetigt.Online);
        Assert.Equal($"{TestHost.ManagementSubject} (im Auftrag der Kommune)", bestaetigt.Eintraege.Single(e => e.Schritt == AnschlussSchritt.BestaetigtDurchKommune).GesetztVon);

        var entry = await Eventually.ReturnsAsync(
            async () => (await _rollout.GetRolloutAsync(new GetRolloutRequest { OzgId = ozgId, Land = "NW", PageSize = 500 })).Entries.FirstOrDefault(e => e.Ags == k1),
            e => e?.Verfuegbarkeit == KommuneVerfuegbarkeit.Online, "the confirmed Kommune online in the Leistung's rollout");
        Assert.Equal(AnschlussGrain.ReportedBy, entry!.ChangedBy);
        var rollout = await _rollout.GetRolloutAsync(new GetRolloutRequest { OzgId = ozgId, Land = "NW", PageSize = 500 });
        Assert.DoesNotContain(rollout.Entries, e => e.Ags == k2);

        var read = await new AnschlussService.AnschlussServiceClient(fixture.Host.ChannelFor(Roles.Monitoring, "anschluss-reader"))
            .GetAnschlussAsync(new GetAnschlussRequest { OnlinedienstId = onlinedienst, Ags = k1 });
        Assert.Equal(2, read.Version);
        Assert.Equal(Enum.GetValues<AnschlussSchritt>().Skip(1), read.Kommune.Eintraege.Select(e => e.Schritt));
        Assert.Equal("anbieter:anna", read.Kommune.Eintraege.Single(e => e.Schritt == AnschlussSchritt.Fachverfahren).GesetztVon);

        var fortschritt = await _management.GetAnschlussFortschrittAsync(new GetAnschlussFortschrittRequest { OnlinedienstId = onlinedienst, Land = "05" });
        Assert.Equal((nw.Count, 2, 1, 0), (fortschritt.LandStand.Kommunen, fortschritt.LandStand.Begonnen, fortschritt.LandStand.Online, fortschritt.LandStand.Ueberfaellig));
        Assert.Equal(2, Count(fortschritt.LandStand, AnschlussSchritt.GoLiveGeplant));
        Assert.Equal(1, Count(fortschritt.LandStand, AnschlussSchritt.Zustellweg));
        Assert.Equal(nw.Select(a => a[..5]).Distinct().Order(StringComparer.Ordinal), fortschritt.Kreise.Select(k => k.Kreis));
        foreach (var kreis in fortschritt.Kreise)
        {
            string[] begonnen = [.. new[] { k1, k2 }.Where(a => a[..5] == kreis.Kreis)];
            Assert.Equal(
                (nw.Count(a => a[..5] == kreis.Kreis), begonnen.Length, begonnen.Contains(k1) ? 1 : 0, begonnen.Length),
                (kreis.Stand.Kommunen, kreis.Stand.Begonnen, kreis.Stand.Online, Count(kreis.Stand, AnschlussSchritt.Nachnutzungsvereinbarung)));
        }

        var history = await new ProgrammeManagementService.ProgrammeManagementServiceClient(fixture.Host.Channel).ListProgrammeChangesAsync(
            new ListProgrammeChangesRequest { Anschluss = new AnschlussSubject { OnlinedienstId = onlinedienst, Land = "NW" } });
        Assert.Equal([2L, 1L], history.Changes.Select(c => c.Version));
        Assert.Contains(history.Changes[0].Fields, f => f.Field == $"{k1}.BestaetigtDurchKommune" && f.After == "Bürgeramt, Frau Muster");
    }

    [Fact]
    public async Task The_forecast_lists_the_missing_responsible_Kommunen_with_their_blocker_and_the_date_of_the_last_planned_Go_Live()
    {
        var (ozgId, onlinedienst) = await OnlinedienstInNwAsync();
        var nw = await KommunenAsync("NW");
        var (k1, k2, k3) = (nw[1], nw[2], nw[3]);
        var today = Today;
        await new ZustaendigkeitService.ZustaendigkeitServiceClient(fixture.Host.Channel).SetZustaendigeKommunenAsync(new SetZustaendigeKommunenRequest
        {
            OzgId = ozgId, Land = "NW", RequestId = NewId(), Art = ZustaendigeKommunenArt.Liste, Ags = { k1, k2, k3 },
        });
        await _anbieter.SetAnschlussAsync(Request(onlinedienst,
        [
            .. Bis(k1, today, AnschlussSchritt.BestaetigtDurchKommune),
            .. Bis(k2, today, AnschlussSchritt.PvogEintrag), Item(k2, AnschlussSchritt.GoLiveGeplant, Day(today.AddDays(10))),
            Item(k3, AnschlussSchritt.Nachnutzungsvereinbarung, Day(today)), Item(k3, AnschlussSchritt.GoLiveGeplant, Day(today.AddDays(20))),
        ]));

        var prognose = await Eventually.ReturnsAsync(() => PrognoseAsync(ozgId), p => p.OnlineKommunen == 1, "the confirmed Kommune online in the forecast");
        Assert.Equal((3, 2, false, Day(today.AddDays(20)), 0), (prognose.ZustaendigeKommunen, prognose.FehlendeKommunen, prognose.Flaechendeckend, prognose.FlaechendeckendAb, prognose.OhneGeplantenGoLive));
        Assert.Equal(
            [(k2, AnschlussSchritt.Fachverfahren, Day(today.AddDays(10))), (k3, AnschlussSchritt.Zustellweg, Day(today.AddDays(20)))],
            prognose.Fehlende.Select(f => (f.Ags, f.Blocker, f.GoLiveGeplant)));
        Assert.All(prognose.Fehlende, f => Assert.Equal(onlinedienst, f.OnlinedienstId));

        // Without a planned Go-Live for one missing Kommune, no date can be given.
        await _anbieter.SetAnschlussAsync(Request(onlinedienst, [new AnschlussAenderung { Ags = k3, Schritt = AnschlussSchritt.GoLiveGeplant, Clear = true }]));
        var offen = await PrognoseAsync(ozgId);
        Assert.Equal((string.Empty, 1), (offen.FlaechendeckendAb, offen.OhneGeplantenGoLive));

        var seite = await _management.GetAnschlussPrognoseAsync(new GetAnschlussPrognoseRequest { OzgId = ozgId, Land = "NW", PageSize = 1 });
        var weiter = await _management.GetAnschlussPrognoseAsync(new GetAnschlussPrognoseRequest { OzgId = ozgId, Land = "NW", PageSize = 1, PageToken = seite.NextPageToken });
        Assert.Equal([k2, k3], seite.Fehlende.Concat(weiter.Fehlende).Select(f => f.Ags));
        Assert.Empty(weiter.NextPageToken);
    }

    [Fact]
    public async Task A_Go_Live_past_its_planned_date_is_overdue_listed_and_streamed_until_it_is_done()
    {
        var (ozgId, onlinedienst) = await OnlinedienstInNwAsync();
        var nw = await KommunenAsync("NW");
        var ags = nw[4];
        var today = Today;
        using var stream = new ProgrammeManagementService.ProgrammeManagementServiceClient(fixture.Host.ChannelFor(Roles.Monitoring, "anschluss-watcher"))
            .WatchProgrammeManagement(new WatchProgrammeManagementRequest());
        using var deadline = new CancellationTokenSource(Eventually.DefaultTimeout);
        Assert.True(await stream.ResponseStream.MoveNext(deadline.Token));

        var set = await _anbieter.SetAnschlussAsync(Request(onlinedienst, [Item(ags, AnschlussSchritt.GoLiveGeplant, Day(today.AddDays(-1)))]));
        Assert.True(set.Kommunen.Single().Ueberfaellig);
        var fortschritt = await _management.GetAnschlussFortschrittAsync(new GetAnschlussFortschrittRequest { OnlinedienstId = onlinedienst, Land = "NW" });
        Assert.Equal([ags], fortschritt.Ueberfaellig);
        var prognose = await PrognoseAsync(ozgId);
        Assert.True(prognose.Fehlende.Single(f => f.Ags == ags).Ueberfaellig);
        Assert.Equal(1, prognose.UeberfaelligeKommunen);
        var key = $"{onlinedienst}/NW";
        var announced = await NextEventAsync(stream, e => e.Anschluss == key, deadline.Token);
        Assert.Equal(ProgrammeEventKind.AnschlussUeberfaellig, announced.Kind);
        Assert.Contains(ags, announced.Description);

        await _anbieter.SetAnschlussAsync(Request(onlinedienst, [Item(ags, AnschlussSchritt.GoLiveErfolgt, Day(today))]));
        var caughtUp = await NextEventAsync(stream, e => e.Anschluss == key, deadline.Token);
        Assert.Equal(ProgrammeEventKind.AnschlussNichtMehrUeberfaellig, caughtUp.Kind);
        Assert.Empty((await _management.GetAnschlussFortschrittAsync(new GetAnschlussFortschrittRequest { OnlinedienstId = onlinedienst, Land = "NW" })).Ueberfaellig);
    }

    [Fact]
    public async Task Only_the_Anbieter_in_a_Land_it_serves_and_the_programme_management_write_with_reasons_a_caller_can_act_on()
    {
        var (_, onlinedienst) = await OnlinedienstInNwAsync();
        var nw = await KommunenAsync("NW");
        var (drin, draussen) = (nw[5], nw[6]);
        var other = $"itdl-{Guid.NewGuid():N}"[..20];
        await new ItDienstleisterService.ItDienstleisterServiceClient(fixture.Host.Channel).RegisterItDienstleisterAsync(new RegisterItDienstleisterRequest
        {
            Id = other, RequestId = NewId(), Name = "Anderer", Laender = { "NW" }, Contact = "ozg@anderer.example",
        });
        var otherClient = new AnschlussService.AnschlussServiceClient(fixture.Host.ChannelFor(Roles.ItDienstleister, $"{other}:bob", other));
        var monitoring = new AnschlussService.AnschlussServiceClient(fixture.Host.ChannelFor(Roles.Monitoring, "anschluss-monitor"));
        var item = Item(drin, AnschlussSchritt.Fachverfahren, "Verfahren");

        var notAnbieter = await RefusedAsync(otherClient.SetAnschlussAsync(Request(onlinedienst, [item])).ResponseAsync);
        Assert.Equal(StatusCode.PermissionDenied, notAnbieter.StatusCode);
        Assert.Contains("is not the Anbieter", notAnbieter.Status.Detail);
        var dataportsOwn = await new OnlinedienstSeed(fixture.Host.Channel).RegisterAsync(KnownData.Dataport);
        var otherLand = await RefusedAsync(_dataport.SetAnschlussAsync(Request(dataportsOwn, [item])).ResponseAsync);
        Assert.Equal(StatusCode.PermissionDenied, otherLand.StatusCode);
        Assert.Contains("does not serve NW", otherLand.Status.Detail);
        Assert.Equal(StatusCode.PermissionDenied, (await RefusedAsync(monitoring.SetAnschlussAsync(Request(onlinedienst, [item])).ResponseAsync)).StatusCode);

        // The programme management may write everywhere, but only for Kommunen of the register within the Einsatzgebiet.
        await new OnlinedienstService.OnlinedienstServiceClient(fixture.Host.Channel).SetOnlinedienstEinsatzgebietAsync(new SetOnlinedienstEinsatzgebietRequest
        {
            OnlinedienstId = onlinedienst, RequestId = NewId(), Einsatzgebiet = { new EinsatzImLand { Land = "NW", Kommunen = { drin } } },
        });
        var outside = await RefusedAsync(_management.SetAnschlussAsync(Request(onlinedienst, [Item(draussen, AnschlussSchritt.Fachverfahren, "Verfahren")])).ResponseAsync);
        Assert.Equal(StatusCode.FailedPrecondition, outside.StatusCode);
        Assert.Contains("outside the Einsatzgebiet", outside.Status.Detail);
        var unknown = await RefusedAsync(_management.SetAnschlussAsync(Request(onlinedienst, [Item("05999999", AnschlussSchritt.Fachverfahren, "Verfahren")])).ResponseAsync);
        Assert.Equal(StatusCode.NotFound, unknown.StatusCode);

        var state = await _management.GetAnschlussAsync(new GetAnschlussRequest { OnlinedienstId = onlinedienst, Ags = drin });
        Assert.Equal((0L, 0), (state.Version, state.Kommune.Eintraege.Count));
    }

    [Fact]
    public async Task A_retried_request_is_applied_once_a_reused_request_id_and_a_stale_version_are_refused()
    {
        var (_, onlinedienst) = await OnlinedienstInNwAsync();
        var ags = (await KommunenAsync("NW"))[7];
        var request = Request(onlinedienst, [Item(ags, AnschlussSchritt.Zustellweg, $"fit-connect:{Guid.NewGuid()}"), Item(ags, AnschlussSchritt.Bezahldienst, "ePayBL")]);

        var first = await _anbieter.SetAnschlussAsync(request);
        var retry = await _anbieter.SetAnschlussAsync(request);
        Assert.Equal((1L, 1L), (first.Version, retry.Version));
        Assert.Equal(first.Kommunen, retry.Kommunen);

        var reused = await RefusedAsync(_anbieter.SetAnschlussAsync(Request(onlinedienst, [Item(ags, AnschlussSchritt.Bezahldienst, "anders")], request.RequestId)).ResponseAsync);
        Assert.Equal(StatusCode.InvalidArgument, reused.StatusCode);
        Assert.StartsWith("request_id:", reused.Status.Detail);

        var stale = Request(onlinedienst, [Item(ags, AnschlussSchritt.Fachverfahren, "Verfahren")]);
        stale.ExpectedVersion = 0;
        Assert.Equal(StatusCode.FailedPrecondition, (await RefusedAsync(_anbieter.SetAnschlussAsync(stale).ResponseAsync)).StatusCode);

        // The same value again makes no version and keeps who set it first.
        var same = await _management.SetAnschlussAsync(Request(onlinedienst, [Item(ags, AnschlussSchritt.Bezahldienst, "ePayBL")]));
        Assert.Equal(1L, same.Version);
        Assert.Equal("anbieter:anna", same.Kommunen.Single().Eintraege.Single(e => e.Schritt == AnschlussSchritt.Bezahldienst).GesetztVon);
    }

    /// <summary>
    /// A Leistung of its own with an Onlinedienst rated for it (so it has a Reifegrad) and in use in all of NW, offered by
    /// an IT-Dienstleister of its own serving NW, whose client <see cref="_anbieter"/> then is.
    /// </summary>
    private async Task<(int OzgId, string OnlinedienstId)> OnlinedienstInNwAsync()
    {
        var anbieter = $"itdl-{Guid.NewGuid():N}"[..20];
        await new ItDienstleisterService.ItDienstleisterServiceClient(fixture.Host.Channel).RegisterItDienstleisterAsync(new RegisterItDienstleisterRequest
        {
            Id = anbieter, RequestId = NewId(), Name = "Anbieter", Laender = { "NW" }, Contact = "ozg@anbieter.example",
        });
        _anbieter = new AnschlussService.AnschlussServiceClient(fixture.Host.ChannelFor(Roles.ItDienstleister, "anbieter:anna", anbieter));
        var seed = new OnlinedienstSeed(fixture.Host.Channel);
        var (ozgId, leikaKey) = await seed.LeistungAsync(fixture.TakeOzgId);
        return (ozgId, await seed.InUseAsync(anbieter, leikaKey, 3, 3, "NW"));
    }

    /// <summary>The Land's whole register, in AGS order.</summary>
    private async Task<List<string>> KommunenAsync(string land)
    {
        var all = new List<string>();
        var request = new ListKommunenRequest { Land = land, PageSize = 500 };
        do
        {
            var page = await _rollout.ListKommunenAsync(request);
            all.AddRange(page.Kommunen.Select(k => k.Ags));
            request.PageToken = page.NextPageToken;
        }
        while (request.PageToken.Length > 0);

        return [.. all.Order(StringComparer.Ordinal)];
    }

    private DateOnly Today => fixture.Host.Services.GetRequiredService<ProgrammeClock>().Today;

    private Task<GetAnschlussPrognoseResponse> PrognoseAsync(int ozgId) =>
        _management.GetAnschlussPrognoseAsync(new GetAnschlussPrognoseRequest { OzgId = ozgId, Land = "NW", PageSize = 500 }).ResponseAsync;

    private static SetAnschlussRequest Request(string onlinedienst, IEnumerable<AnschlussAenderung> items, string? requestId = null) =>
        new() { OnlinedienstId = onlinedienst, RequestId = requestId ?? NewId(), Aenderungen = { items } };

    private static int Count(AnschlussStand stand, AnschlussSchritt schritt) => stand.Schritte.Single(s => s.Schritt == schritt).Kommunen;

    private static async Task<RpcException> RefusedAsync(Task call) => await Assert.ThrowsAsync<RpcException>(() => call);

    private static async Task<ProgrammeEvent> NextEventAsync(
        AsyncServerStreamingCall<WatchProgrammeManagementResponse> stream, Func<ProgrammeEvent, bool> match, CancellationToken deadline)
    {
        while (true)
        {
            Assert.True(await stream.ResponseStream.MoveNext(deadline), "the stream ended before the event came");
            if (stream.ResponseStream.Current.ProgrammeEvent is { } programmeEvent && match(programmeEvent))
            {
                return programmeEvent;
            }
        }
    }

    private static string NewId() => Guid.NewGuid().ToString();
}
