using Grpc.Core;
using Grpc.Health.V1;
using Grpc.Net.Client;
using OzgGrid.Gateway.Identity;
using OzgGrid.Grains.Abstractions.Laender;
using OzgGrid.Grains.Kommunen;
using OzgGrid.Protos.V1;
using OzgGrid.Silo.Tests.Hosting;

namespace OzgGrid.Silo.Tests;

/// <summary>Every role against every kind of call, over real gRPC: who may do what, and that a refusal changes nothing.</summary>
[Collection(GatewayCollection.Name)]
public sealed class AuthorizationMatrixTests(GatewayFixture fixture)
{
    [Fact]
    public async Task Each_caller_may_do_exactly_what_its_role_and_assignment_allow()
    {
        var host = fixture.Host;
        var assigned = fixture.TakeOzgId();
        var unassigned = fixture.TakeOzgId();
        var themenfeld = fixture.TakeThemenfeldId();
        await new LeistungService.LeistungServiceClient(host.Channel).SetZustaendigkeitAsync(new SetZustaendigkeitRequest
        {
            OzgId = assigned, RequestId = NewId(), Zustaendigkeit = new Zustaendigkeit { Land = "SH", ItDienstleister = KnownData.Dataport },
        });

        var management = host.Channel;
        var dataport = host.ChannelFor(Roles.ItDienstleister, "dataport:alice", KnownData.Dataport);
        var ghost = host.ChannelFor(Roles.ItDienstleister, "ghost:bob", "ghost");
        var monitoring = host.ChannelFor(Roles.Monitoring, "dashboard");
        var anonymous = host.AnonymousChannel;
        var expired = host.ChannelWithToken(host.TokenFor(Roles.ProgrammManagement, "late", lifetime: TimeSpan.FromSeconds(-60)));
        var foreignKey = new ClusterScope("x", "x", "x", new AuthOptions { Issuer = "ozggrid", SigningKeys = [AuthOptions.NewKey()] });
        var forged = host.ChannelWithToken(Gateway.Identity.AccessTokens.Issue(
            foreignKey.Auth, "mallory", Roles.ProgrammManagement, null, TimeSpan.FromHours(1), DateTimeOffset.UtcNow));

        Func<GrpcChannel, Task> Status(int ozgId, string? land = null) => channel => new LeistungService.LeistungServiceClient(channel)
            .UpdateLeistungStatusAsync(new UpdateLeistungStatusRequest
            {
                OzgId = ozgId, RequestId = NewId(), Reifegrad = 1 + Random.Shared.Next(4),
                Verfuegbarkeit = land is null ? null : new LandVerfuegbarkeit { Land = land, Verfuegbarkeit = Verfuegbarkeit.Pilot },
            }).ResponseAsync;
        Func<GrpcChannel, Task> read = channel => new LeistungService.LeistungServiceClient(channel)
            .GetLeistungAsync(new GetLeistungRequest { OzgId = assigned }).ResponseAsync;
        Func<GrpcChannel, Task> watch = async channel =>
        {
            using var call = new MonitoringService.MonitoringServiceClient(channel).WatchProgramme(new WatchProgrammeRequest { OzgIds = { assigned } });
            await call.ResponseStream.MoveNext(CancellationToken.None);
        };
        Func<GrpcChannel, Task> assign = channel => new LeistungService.LeistungServiceClient(channel)
            .SetZustaendigkeitAsync(new SetZustaendigkeitRequest
            {
                OzgId = unassigned, RequestId = NewId(), Zustaendigkeit = new Zustaendigkeit { Land = "HH", ItDienstleister = KnownData.Dataport },
            }).ResponseAsync;
        Func<GrpcChannel, Task> lead = channel => new ThemenfeldService.ThemenfeldServiceClient(channel)
            .SetFederfuehrungAsync(new SetFederfuehrungRequest
            {
                ThemenfeldId = themenfeld, RequestId = NewId(), Federfuehrung = new Federfuehrung { Bundesressort = "BMI" },
            }).ResponseAsync;
        Func<GrpcChannel, Task> register = channel => new ItDienstleisterService.ItDienstleisterServiceClient(channel)
            .RegisterItDienstleisterAsync(new RegisterItDienstleisterRequest { Id = "ekom21", RequestId = NewId(), Name = "ekom21", Laender = { "HE" } }).ResponseAsync;
        Func<GrpcChannel, Task> reconcile = channel => new MonitoringService.MonitoringServiceClient(channel)
            .ReconcileFiguresAsync(new ReconcileFiguresRequest()).ResponseAsync;
        Func<GrpcChannel, Task> reportRollout = channel => new RolloutService.RolloutServiceClient(channel)
            .ReportRolloutAsync(new ReportRolloutRequest
            {
                RequestId = NewId(),
                Report = new RolloutReport { OzgId = assigned, Ags = ShippedRegister.Ags("NW", 1), Verfuegbarkeit = KommuneVerfuegbarkeit.Online, Reifegrad = 3 },
            }).ResponseAsync;
        Func<GrpcChannel, Task> readRollout = channel => new RolloutService.RolloutServiceClient(channel)
            .GetRolloutAsync(new GetRolloutRequest { OzgId = assigned, Land = "NW" }).ResponseAsync;
        Func<GrpcChannel, Task> importKommunen = channel => new RolloutService.RolloutServiceClient(channel)
            .ImportKommunenAsync(new ImportKommunenRequest { RequestId = NewId(), Land = "NW" }).ResponseAsync;
        Func<GrpcChannel, Task> listKommunen = channel => new RolloutService.RolloutServiceClient(channel)
            .ListKommunenAsync(new ListKommunenRequest { Land = "NW" }).ResponseAsync;
        Func<GrpcChannel, Task> listKreise = channel => new RolloutService.RolloutServiceClient(channel)
            .ListKreiseAsync(new ListKreiseRequest { Land = "NW" }).ResponseAsync;
        Func<GrpcChannel, Task> getKommune = channel => new RolloutService.RolloutServiceClient(channel)
            .GetKommuneAsync(new GetKommuneRequest { Ags = ShippedRegister.Ags("NW", 1) }).ResponseAsync;
        Func<GrpcChannel, Task> importGebietsstand = channel => new RolloutService.RolloutServiceClient(channel)
            .ImportKommunenAsync(new ImportKommunenRequest
            {
                RequestId = NewId(), Land = "HB",
                Kommunen = { new Kommune { Ags = ShippedRegister.Ags("HB", 1), Name = "Bremen" }, new Kommune { Ags = ShippedRegister.Ags("HB", 2), Name = "x", MergedInto = ShippedRegister.Ags("HB", 1) } },
            }).ResponseAsync;
        Func<GrpcChannel, Task> defineProjekt = channel => new UmsetzungsprojektService.UmsetzungsprojektServiceClient(channel)
            .DefineUmsetzungsprojektAsync(new DefineUmsetzungsprojektRequest
            {
                ProjektId = $"matrix-{Guid.NewGuid():N}", RequestId = NewId(), Name = "Projekt", OzgIds = { unassigned }, EfaTyp = EfaTyp.KeinEfa,
                Projektleitung = new Organisation { Art = OrganisationArt.Land, Kennung = "HE" },
            }).ResponseAsync;
        Func<GrpcChannel, Task> deferProjekt = channel => new UmsetzungsprojektService.UmsetzungsprojektServiceClient(channel)
            .DeferProjektPhaseAsync(new DeferProjektPhaseRequest
            {
                ProjektId = "matrix-kein-projekt", RequestId = NewId(), Phase = ProjektPhase.Umsetzung, NewPlannedEnd = "2030-01-01", Grund = "Matrix",
            }).ResponseAsync;
        Func<GrpcChannel, Task> listProjekte = channel => new UmsetzungsprojektService.UmsetzungsprojektServiceClient(channel)
            .ListUmsetzungsprojekteAsync(new ListUmsetzungsprojekteRequest()).ResponseAsync;
        var onlinedienstId = $"od-matrix-{Guid.NewGuid():N}"[..30];
        await new OnlinedienstService.OnlinedienstServiceClient(management).RegisterOnlinedienstAsync(new RegisterOnlinedienstRequest
        {
            OnlinedienstId = onlinedienstId, RequestId = NewId(), Name = "Matrix", Url = "https://matrix.example.org", AnbieterId = KnownData.Dataport,
        });
        Func<string, Func<GrpcChannel, Task>> registerOnlinedienst = anbieter => channel => new OnlinedienstService.OnlinedienstServiceClient(channel)
            .RegisterOnlinedienstAsync(new RegisterOnlinedienstRequest
            {
                OnlinedienstId = $"od-matrix-{Guid.NewGuid():N}"[..30], RequestId = NewId(), Name = "Matrix", Url = "https://matrix.example.org", AnbieterId = anbieter,
            }).ResponseAsync;
        Func<GrpcChannel, Task> publishOnlinedienst = channel => new OnlinedienstService.OnlinedienstServiceClient(channel)
            .PublishOnlinedienstAsync(new PublishOnlinedienstRequest { OnlinedienstId = onlinedienstId, RequestId = NewId(), Veroeffentlicht = true }).ResponseAsync;
        Func<GrpcChannel, Task> readOnlinedienst = channel => new OnlinedienstService.OnlinedienstServiceClient(channel)
            .GetOnlinedienstAsync(new GetOnlinedienstRequest { OnlinedienstId = onlinedienstId }).ResponseAsync;
        var nwAgs = (await new RolloutService.RolloutServiceClient(management).ListKommunenAsync(new ListKommunenRequest { Land = "NW", PageSize = 1 })).Kommunen[0].Ags;
        Func<GrpcChannel, Task> setAnschluss = channel => new AnschlussService.AnschlussServiceClient(channel)
            .SetAnschlussAsync(new SetAnschlussRequest
            {
                OnlinedienstId = onlinedienstId, RequestId = NewId(),
                Aenderungen = { new AnschlussAenderung { Ags = nwAgs, Schritt = AnschlussSchritt.Fachverfahren, Wert = "Matrix-Verfahren" } },
            }).ResponseAsync;
        Func<GrpcChannel, Task> readAnschluss = channel => new AnschlussService.AnschlussServiceClient(channel)
            .GetAnschlussFortschrittAsync(new GetAnschlussFortschrittRequest { OnlinedienstId = onlinedienstId, Land = "NW" }).ResponseAsync;
        Func<GrpcChannel, Task> prognose = channel => new AnschlussService.AnschlussServiceClient(channel)
            .GetAnschlussPrognoseAsync(new GetAnschlussPrognoseRequest { OzgId = assigned, Land = "NW" }).ResponseAsync;
        Func<GrpcChannel, Task> ebene = channel => new ZustaendigkeitService.ZustaendigkeitServiceClient(channel)
            .SetZustaendigkeitsebeneAsync(new SetZustaendigkeitsebeneRequest { OzgId = unassigned, RequestId = NewId(), Ebenen = { Zustaendigkeitsebene.Land } }).ResponseAsync;
        Func<GrpcChannel, Task> fim = channel => new ZustaendigkeitService.ZustaendigkeitServiceClient(channel)
            .SetFimStatusAsync(new SetFimStatusRequest
            {
                OzgId = assigned, RequestId = NewId(), Eintrag = new FimEintrag { Baustein = FimBaustein.Stammtext, FimId = "S1", Version = "1", Status = FimStatus.Entwurf },
            }).ResponseAsync;
        Func<GrpcChannel, Task> readSteckbrief = channel => new ZustaendigkeitService.ZustaendigkeitServiceClient(channel)
            .GetSteckbriefAsync(new GetSteckbriefRequest { OzgId = assigned }).ResponseAsync;
        Func<GrpcChannel, Task> zustaendigeKommunen = channel => new ZustaendigkeitService.ZustaendigkeitServiceClient(channel)
            .SetZustaendigeKommunenAsync(new SetZustaendigeKommunenRequest { OzgId = assigned, Land = "NW", RequestId = NewId(), Art = ZustaendigeKommunenArt.Alle }).ResponseAsync;
        Func<GrpcChannel, Task> readZustaendigeKommunen = channel => new ZustaendigkeitService.ZustaendigkeitServiceClient(channel)
            .GetZustaendigeKommunenAsync(new GetZustaendigeKommunenRequest { OzgId = assigned, Land = "NW" }).ResponseAsync;
        Func<GrpcChannel, Task> zustaendigkeitReport = channel => new ZustaendigkeitService.ZustaendigkeitServiceClient(channel)
            .ExportZustaendigkeitReportAsync(new ExportZustaendigkeitReportRequest()).ResponseAsync;
        Func<GrpcChannel, Task> programmeBlockers = channel => new ReifegradService.ReifegradServiceClient(channel)
            .GetProgrammeReifegradBlockerAsync(new GetProgrammeReifegradBlockerRequest { Modell = ReifegradModell.V20, Zielstufe = 6 }).ResponseAsync;
        Func<GrpcChannel, Task> leistungBlockers = channel => new ReifegradService.ReifegradServiceClient(channel)
            .GetLeistungReifegradBlockerAsync(new GetLeistungReifegradBlockerRequest { OzgId = assigned, Modell = ReifegradModell.V11, Zielstufe = 4 }).ResponseAsync;
        var rolloutReads = new RolloutService.RolloutServiceClient(management);
        var hhAgs = (await rolloutReads.ListKommunenAsync(new ListKommunenRequest { Land = "HH", PageSize = 1 })).Kommunen[0].Ags;
        var lastMonth = DateTime.UtcNow.AddMonths(-1).ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);
        NutzungRow Nutzung(string ags) => new() { OnlinedienstId = onlinedienstId, Ags = ags, Monat = lastMonth, Transaktionen = Random.Shared.Next(100) };
        Func<string, Func<GrpcChannel, Task>> importNutzung = ags => channel => new NutzungService.NutzungServiceClient(channel)
            .ImportNutzungBatchAsync(new ImportNutzungRequest { RequestId = NewId(), Rows = { Nutzung(ags) } }).ResponseAsync;
        Func<GrpcChannel, Task> streamNutzung = channel => NutzungStream.SendAsync(new NutzungService.NutzungServiceClient(channel), NewId(), [Nutzung(hhAgs)]);
        Func<GrpcChannel, Task> readNutzung = channel => new NutzungService.NutzungServiceClient(channel)
            .GetNutzungAsync(new GetNutzungRequest { Land = "HH", From = lastMonth, To = lastMonth }).ResponseAsync;
        Func<GrpcChannel, Task> listBefunde = channel => new NutzungService.NutzungServiceClient(channel)
            .ListNutzungsBefundeAsync(new ListNutzungsBefundeRequest()).ResponseAsync;
        // An Onlinedienst of another Anbieter in a Land Dataport serves: Dataport may write neither its Anschluss nor its usage.
        var fremderAnbieter = $"itdl-{Guid.NewGuid():N}"[..20];
        await new ItDienstleisterService.ItDienstleisterServiceClient(management).RegisterItDienstleisterAsync(new RegisterItDienstleisterRequest
        {
            Id = fremderAnbieter, RequestId = NewId(), Name = "Fremd", Laender = { "HH" }, Contact = "ozg@fremd.example",
        });
        var fremderDienst = $"od-matrix-{Guid.NewGuid():N}"[..30];
        await new OnlinedienstService.OnlinedienstServiceClient(management).RegisterOnlinedienstAsync(new RegisterOnlinedienstRequest
        {
            OnlinedienstId = fremderDienst, RequestId = NewId(), Name = "Fremd", Url = "https://fremd.example.org", AnbieterId = fremderAnbieter,
        });
        Func<string, Func<GrpcChannel, Task>> setAnschlussInHh = dienst => channel => new AnschlussService.AnschlussServiceClient(channel)
            .SetAnschlussAsync(new SetAnschlussRequest
            {
                OnlinedienstId = dienst, RequestId = NewId(),
                Aenderungen = { new AnschlussAenderung { Ags = hhAgs, Schritt = AnschlussSchritt.Fachverfahren, Wert = "Matrix-Verfahren" } },
            }).ResponseAsync;
        Func<GrpcChannel, Task> importFremdeNutzung = channel => new NutzungService.NutzungServiceClient(channel)
            .ImportNutzungBatchAsync(new ImportNutzungRequest { RequestId = NewId(), Rows = { new NutzungRow { OnlinedienstId = fremderDienst, Ags = hhAgs, Monat = lastMonth, Transaktionen = 1 } } }).ResponseAsync;
        Func<GrpcChannel, Task> readChecklist = channel => new AnschlussService.AnschlussServiceClient(channel)
            .GetAnschlussAsync(new GetAnschlussRequest { OnlinedienstId = fremderDienst, Ags = nwAgs }).ResponseAsync;
        Func<GrpcChannel, Task> reportForeignRollout = channel => new RolloutService.RolloutServiceClient(channel)
            .ReportRolloutAsync(new ReportRolloutRequest
            {
                RequestId = NewId(), Report = new RolloutReport { OzgId = unassigned, Ags = hhAgs, Verfuegbarkeit = KommuneVerfuegbarkeit.Online, Reifegrad = 3 },
            }).ResponseAsync;
        Func<GrpcChannel, Task> onlinedienstKennzahlen = channel => new OnlinedienstKennzahlenService.OnlinedienstKennzahlenServiceClient(channel)
            .GetOnlinedienstKennzahlenAsync(new GetOnlinedienstKennzahlenRequest()).ResponseAsync;
        Func<GrpcChannel, Task> anschlussReport = channel => new AnschlussService.AnschlussServiceClient(channel)
            .ExportAnschlussReportAsync(new ExportAnschlussReportRequest { Land = "NW", Teil = AnschlussReportTeil.Fortschritt }).ResponseAsync;
        Func<GrpcChannel, Task> nutzungReport = channel => new NutzungService.NutzungServiceClient(channel)
            .ExportNutzungReportAsync(new ExportNutzungReportRequest { Land = "HH", Teil = NutzungReportTeil.Monate }).ResponseAsync;
        Func<GrpcChannel, Task> search = channel => new SucheService.SucheServiceClient(channel)
            .SucheLeistungenAsync(new SucheLeistungenRequest { Query = "geld" }).ResponseAsync;
        Func<GrpcChannel, Task> health = channel => new Health.HealthClient(channel).CheckAsync(new HealthCheckRequest()).ResponseAsync;

        (string Caller, GrpcChannel Channel, string Call, Func<GrpcChannel, Task> Run, StatusCode Expected)[] matrix =
        [
            ("anonymous", anonymous, "read", read, StatusCode.Unauthenticated),
            ("anonymous", anonymous, "status", Status(assigned), StatusCode.Unauthenticated),
            ("anonymous", anonymous, "watch", watch, StatusCode.Unauthenticated),
            ("anonymous", anonymous, "health", health, StatusCode.OK),
            ("expired", expired, "read", read, StatusCode.Unauthenticated),
            ("forged", forged, "assign", assign, StatusCode.Unauthenticated),
            ("monitoring", monitoring, "read", read, StatusCode.OK),
            ("monitoring", monitoring, "watch", watch, StatusCode.OK),
            ("monitoring", monitoring, "status", Status(assigned), StatusCode.PermissionDenied),
            ("monitoring", monitoring, "assign", assign, StatusCode.PermissionDenied),
            ("monitoring", monitoring, "lead", lead, StatusCode.PermissionDenied),
            ("monitoring", monitoring, "register", register, StatusCode.PermissionDenied),
            ("monitoring", monitoring, "reconcile", reconcile, StatusCode.PermissionDenied),
            ("dataport", dataport, "read", read, StatusCode.OK),
            ("dataport", dataport, "status of its Leistung", Status(assigned), StatusCode.OK),
            ("dataport", dataport, "Verfügbarkeit in a Land it serves", Status(assigned, "HH"), StatusCode.OK),
            ("dataport", dataport, "Verfügbarkeit in a Land it does not serve", Status(assigned, "NW"), StatusCode.PermissionDenied),
            ("dataport", dataport, "status of another's Leistung", Status(unassigned), StatusCode.PermissionDenied),
            ("dataport", dataport, "assign", assign, StatusCode.PermissionDenied),
            ("dataport", dataport, "lead", lead, StatusCode.PermissionDenied),
            ("dataport", dataport, "register", register, StatusCode.PermissionDenied),
            ("unregistered IT-Dienstleister", ghost, "status", Status(assigned), StatusCode.PermissionDenied),
            ("monitoring", monitoring, "report rollout", reportRollout, StatusCode.PermissionDenied),
            ("monitoring", monitoring, "read rollout", readRollout, StatusCode.OK),
            ("monitoring", monitoring, "list Kommunen", listKommunen, StatusCode.OK),
            ("dataport", dataport, "report rollout in a Land it does not serve", reportRollout, StatusCode.PermissionDenied),
            ("dataport", dataport, "import Kommunen", importKommunen, StatusCode.PermissionDenied),
            ("dataport", dataport, "import a Gebietsstand with a merger", importGebietsstand, StatusCode.PermissionDenied),
            ("monitoring", monitoring, "import a Gebietsstand with a merger", importGebietsstand, StatusCode.PermissionDenied),
            ("anonymous", anonymous, "list Kreise", listKreise, StatusCode.Unauthenticated),
            ("monitoring", monitoring, "list Kreise", listKreise, StatusCode.OK),
            ("dataport", dataport, "list Kreise", listKreise, StatusCode.OK),
            ("management", management, "list Kreise", listKreise, StatusCode.OK),
            ("anonymous", anonymous, "read a Kommune", getKommune, StatusCode.Unauthenticated),
            ("monitoring", monitoring, "read a Kommune", getKommune, StatusCode.OK),
            ("dataport", dataport, "read a Kommune", getKommune, StatusCode.OK),
            ("dataport", dataport, "list Kommunen", listKommunen, StatusCode.OK),
            ("anonymous", anonymous, "read rollout", readRollout, StatusCode.Unauthenticated),
            ("monitoring", monitoring, "register an Onlinedienst", registerOnlinedienst(KnownData.Dataport), StatusCode.PermissionDenied),
            ("monitoring", monitoring, "publish an Onlinedienst", publishOnlinedienst, StatusCode.PermissionDenied),
            ("monitoring", monitoring, "read an Onlinedienst", readOnlinedienst, StatusCode.OK),
            ("monitoring", monitoring, "what blocks a Leistung's level", leistungBlockers, StatusCode.OK),
            ("dataport", dataport, "what blocks the programme's Leistungen", programmeBlockers, StatusCode.OK),
            ("anonymous", anonymous, "what blocks the programme's Leistungen", programmeBlockers, StatusCode.Unauthenticated),
            ("anonymous", anonymous, "read an Onlinedienst", readOnlinedienst, StatusCode.Unauthenticated),
            ("dataport", dataport, "register an Onlinedienst of another Anbieter", registerOnlinedienst("ekom21"), StatusCode.PermissionDenied),
            ("dataport", dataport, "publish the Onlinedienst it offers", publishOnlinedienst, StatusCode.OK),
            ("unregistered IT-Dienstleister", ghost, "publish an Onlinedienst", publishOnlinedienst, StatusCode.PermissionDenied),
            ("management", management, "register an Onlinedienst", registerOnlinedienst(KnownData.Dataport), StatusCode.OK),
            ("monitoring", monitoring, "set Zuständigkeitsebene", ebene, StatusCode.PermissionDenied),
            ("dataport", dataport, "set Zuständigkeitsebene", ebene, StatusCode.PermissionDenied),
            ("dataport", dataport, "set FIM status of its Leistung", fim, StatusCode.PermissionDenied),
            ("dataport", dataport, "responsible Kommunen in a Land it does not serve", zustaendigeKommunen, StatusCode.PermissionDenied),
            ("monitoring", monitoring, "responsible Kommunen", zustaendigeKommunen, StatusCode.PermissionDenied),
            ("monitoring", monitoring, "read Steckbrief", readSteckbrief, StatusCode.OK),
            ("anonymous", anonymous, "read Steckbrief", readSteckbrief, StatusCode.Unauthenticated),
            ("dataport", dataport, "read responsible Kommunen in a Land it does not serve", readZustaendigeKommunen, StatusCode.OK),
            ("anonymous", anonymous, "read responsible Kommunen", readZustaendigeKommunen, StatusCode.Unauthenticated),
            ("anonymous", anonymous, "export the Zuständigkeit report", zustaendigkeitReport, StatusCode.Unauthenticated),
            ("monitoring", monitoring, "export the Zuständigkeit report", zustaendigkeitReport, StatusCode.OK),
            ("dataport", dataport, "export the Zuständigkeit report", zustaendigkeitReport, StatusCode.OK),
            ("management", management, "set Zuständigkeitsebene", ebene, StatusCode.OK),
            ("management", management, "responsible Kommunen", zustaendigeKommunen, StatusCode.OK),
            ("management", management, "status", Status(unassigned), StatusCode.OK),
            ("management", management, "lead", lead, StatusCode.OK),
            ("management", management, "reconcile", reconcile, StatusCode.OK),
            ("anonymous", anonymous, "list Umsetzungsprojekte", listProjekte, StatusCode.Unauthenticated),
            ("monitoring", monitoring, "list Umsetzungsprojekte", listProjekte, StatusCode.OK),
            ("monitoring", monitoring, "define an Umsetzungsprojekt", defineProjekt, StatusCode.PermissionDenied),
            ("monitoring", monitoring, "defer an Umsetzungsprojekt", deferProjekt, StatusCode.PermissionDenied),
            ("dataport", dataport, "define an Umsetzungsprojekt", defineProjekt, StatusCode.PermissionDenied),
            ("dataport", dataport, "defer an unknown Umsetzungsprojekt", deferProjekt, StatusCode.NotFound),
            ("management", management, "define an Umsetzungsprojekt", defineProjekt, StatusCode.OK),
            ("anonymous", anonymous, "stream usage", streamNutzung, StatusCode.Unauthenticated),
            ("anonymous", anonymous, "read usage", readNutzung, StatusCode.Unauthenticated),
            ("monitoring", monitoring, "import usage", importNutzung(hhAgs), StatusCode.PermissionDenied),
            ("monitoring", monitoring, "stream usage", streamNutzung, StatusCode.PermissionDenied),
            ("monitoring", monitoring, "read usage", readNutzung, StatusCode.OK),
            ("monitoring", monitoring, "list usage findings", listBefunde, StatusCode.OK),
            ("dataport", dataport, "import usage of its Onlinedienst in a Land it serves", importNutzung(hhAgs), StatusCode.OK),
            ("dataport", dataport, "stream usage of its Onlinedienst in a Land it serves", streamNutzung, StatusCode.OK),
            ("dataport", dataport, "import usage in a Land it does not serve", importNutzung(nwAgs), StatusCode.PermissionDenied),
            ("unregistered IT-Dienstleister", ghost, "import usage", importNutzung(hhAgs), StatusCode.PermissionDenied),
            ("management", management, "import usage", importNutzung(nwAgs), StatusCode.OK),
            ("monitoring", monitoring, "set an Anschluss item", setAnschluss, StatusCode.PermissionDenied),
            ("dataport", dataport, "set an Anschluss item in a Land it does not serve", setAnschluss, StatusCode.PermissionDenied),
            ("unregistered IT-Dienstleister", ghost, "set an Anschluss item", setAnschluss, StatusCode.PermissionDenied),
            ("anonymous", anonymous, "read Anschluss progress", readAnschluss, StatusCode.Unauthenticated),
            ("monitoring", monitoring, "read Anschluss progress", readAnschluss, StatusCode.OK),
            ("monitoring", monitoring, "read a forecast", prognose, StatusCode.OK),
            ("anonymous", anonymous, "export the Anschluss report", anschlussReport, StatusCode.Unauthenticated),
            ("monitoring", monitoring, "export the Anschluss report", anschlussReport, StatusCode.OK),
            ("dataport", dataport, "export the Anschluss report of a Land it does not serve", anschlussReport, StatusCode.OK),
            ("anonymous", anonymous, "export the usage report", nutzungReport, StatusCode.Unauthenticated),
            ("monitoring", monitoring, "export the usage report", nutzungReport, StatusCode.OK),
            ("dataport", dataport, "export the usage report", nutzungReport, StatusCode.OK),
            ("management", management, "set an Anschluss item", setAnschluss, StatusCode.OK),
            ("dataport", dataport, "set an Anschluss item of an Onlinedienst not its own in a Land it serves", setAnschlussInHh(fremderDienst), StatusCode.PermissionDenied),
            ("dataport", dataport, "set an Anschluss item of its Onlinedienst in a Land it serves", setAnschlussInHh(onlinedienstId), StatusCode.OK),
            ("dataport", dataport, "import usage of an Onlinedienst not its own in a Land it serves", importFremdeNutzung, StatusCode.PermissionDenied),
            ("dataport", dataport, "report rollout of a Leistung not its own in a Land it serves", reportForeignRollout, StatusCode.PermissionDenied),
            ("anonymous", anonymous, "read a checklist", readChecklist, StatusCode.Unauthenticated),
            ("monitoring", monitoring, "read a checklist", readChecklist, StatusCode.OK),
            ("dataport", dataport, "read a checklist of an Onlinedienst not its own in a Land it does not serve", readChecklist, StatusCode.OK),
            ("dataport", dataport, "read Anschluss progress in a Land it does not serve", readAnschluss, StatusCode.OK),
            ("dataport", dataport, "read a forecast in a Land it does not serve", prognose, StatusCode.OK),
            ("anonymous", anonymous, "read a forecast", prognose, StatusCode.Unauthenticated),
            ("dataport", dataport, "read rollout in a Land it does not serve", readRollout, StatusCode.OK),
            ("dataport", dataport, "read usage", readNutzung, StatusCode.OK),
            ("dataport", dataport, "list usage findings", listBefunde, StatusCode.OK),
            ("anonymous", anonymous, "list usage findings", listBefunde, StatusCode.Unauthenticated),
            ("anonymous", anonymous, "read the Onlinedienst figures", onlinedienstKennzahlen, StatusCode.Unauthenticated),
            ("monitoring", monitoring, "read the Onlinedienst figures", onlinedienstKennzahlen, StatusCode.OK),
            ("dataport", dataport, "read the Onlinedienst figures", onlinedienstKennzahlen, StatusCode.OK),
            ("anonymous", anonymous, "search the catalogue", search, StatusCode.Unauthenticated),
            ("monitoring", monitoring, "search the catalogue", search, StatusCode.OK),
            ("dataport", dataport, "search the catalogue", search, StatusCode.OK),
        ];

        var versionsBefore = await VersionsAsync(assigned, unassigned);
        var (outcomes, mismatches) = await AccessMatrix.RunAsync(matrix);

        Assert.True(mismatches.Count == 0, string.Join(Environment.NewLine, mismatches));
        Assert.Contains(outcomes, o => o.StartsWith("dataport / Verfügbarkeit in a Land it does not serve", StringComparison.Ordinal) && o.Contains("does not serve NW"));
        Assert.Contains(outcomes, o => o.StartsWith("monitoring / status", StringComparison.Ordinal) && o.Contains("needs the role programm-management or it-dienstleister"));
        Assert.Contains(outcomes, o => o.StartsWith("expired / read", StringComparison.Ordinal) && o.Contains("expired", StringComparison.OrdinalIgnoreCase));
        Assert.Contains(outcomes, o => o.StartsWith("dataport / report rollout in a Land it does not serve", StringComparison.Ordinal) && o.Contains("does not serve NW"));
        Assert.Contains(outcomes, o => o.StartsWith("dataport / set an Anschluss item in a Land it does not serve", StringComparison.Ordinal) && o.Contains("does not serve NW"));
        Assert.Contains(outcomes, o => o.StartsWith("dataport / set an Anschluss item of an Onlinedienst not its own", StringComparison.Ordinal) && o.Contains("is not the Anbieter"));
        Assert.Contains(outcomes, o => o.StartsWith("dataport / import usage of an Onlinedienst not its own", StringComparison.Ordinal) && o.Contains(fremderDienst));

        // The allowed writes raised the versions by exactly their number; the refused ones changed nothing.
        var versionsAfter = await VersionsAsync(assigned, unassigned);
        Assert.Equal(versionsBefore.Assigned + 2, versionsAfter.Assigned);
        Assert.Equal(versionsBefore.Unassigned + 1, versionsAfter.Unassigned);
        var changes = await new LeistungService.LeistungServiceClient(management).ListLeistungChangesAsync(new ListLeistungChangesRequest { OzgId = assigned });
        Assert.Equal("dataport:alice", changes.Changes[0].ChangedBy);
    }

    private async Task<(long Assigned, long Unassigned)> VersionsAsync(int assigned, int unassigned)
    {
        var client = fixture.Leistungen;
        var a = (await client.GetLeistungAsync(new GetLeistungRequest { OzgId = assigned })).Leistung.Version;
        var u = (await client.GetLeistungAsync(new GetLeistungRequest { OzgId = unassigned })).Leistung.Version;
        return (a, u);
    }

    private static string NewId() => Guid.NewGuid().ToString();
}
