using Grpc.Core;
using Grpc.Net.Client;
using Microsoft.Extensions.DependencyInjection;
using OzgGrid.Gateway.Identity;
using OzgGrid.Protos.V1;
using OzgGrid.Silo.Tests.Hosting;
using IIdSetGrain = OzgGrid.Grains.Abstractions.ProgrammeManagement.IIdSetGrain;
using UmsetzungsprojektIdSets = OzgGrid.Grains.Abstractions.Umsetzungsprojekte.UmsetzungsprojektIdSets;

namespace OzgGrid.Silo.Tests;

/// <summary>The Umsetzungsprojekt API over real gRPC: writes, retries, versions, roles, refusals, lists, the report. On each store: <see cref="AzuriteUmsetzungsprojektServiceTests"/>, <see cref="Postgres.PostgresUmsetzungsprojektServiceTests"/>.</summary>
public abstract class UmsetzungsprojektServiceTests(GatewayFixture fixture)
{
    private readonly UmsetzungsprojektService.UmsetzungsprojektServiceClient _client = new(fixture.Host.Channel);
    private readonly ProgrammeManagementService.ProgrammeManagementServiceClient _management = new(fixture.Host.Channel);

    [Fact]
    public async Task A_project_is_defined_with_everything_it_holds_a_retry_is_applied_once_and_a_stale_version_is_refused()
    {
        var projektId = NewId("projekt");
        var leikaKey = (await fixture.Leistungen.GetLeistungAsync(new GetLeistungRequest { OzgId = KnownData.ElterngeldOzgId }))
            .Leistung.LeikaLeistungen.First(l => l.LeikaKey.Length == 14).LeikaKey;
        var define = new DefineUmsetzungsprojektRequest
        {
            ProjektId = projektId, RequestId = NewId(), Name = "Elterngeld digital", OzgIds = { KnownData.ElterngeldOzgId }, LeikaKeys = { leikaKey },
            Projektleitung = new Organisation { Art = OrganisationArt.Land, Kennung = "03" },
            Methodenexperte = new FimMethodenexperte { Name = "Erika Muster", Organisation = "FITKO" },
            EfaTyp = EfaTyp.EntwicklungLand,
        };

        var first = (await _client.DefineUmsetzungsprojektAsync(define)).Projekt;
        var retried = (await _client.DefineUmsetzungsprojektAsync(define)).Projekt;
        var changed = define.Clone();
        changed.Name = "Anders";
        var reused = await Refused(_client.DefineUmsetzungsprojektAsync(changed).ResponseAsync);
        await _client.SetProjektBeteiligteAsync(new SetProjektBeteiligteRequest
        {
            ProjektId = projektId, RequestId = NewId(), ExpectedVersion = 1,
            Beteiligte =
            {
                new Beteiligung { Organisation = new Organisation { Art = OrganisationArt.ItDienstleister, Kennung = KnownData.Dataport }, Rolle = BeteiligungRolle.MitarbeitZugesichert },
                new Beteiligung { Organisation = new Organisation { Art = OrganisationArt.Bundesressort, Kennung = "BMFSFJ" }, Rolle = BeteiligungRolle.Interessiert },
            },
        });
        var stale = await Refused(_client.SetProjektFinanzierungAsync(new SetProjektFinanzierungRequest
        {
            ProjektId = projektId, RequestId = NewId(), ExpectedVersion = 1,
            Finanzierungen = { new Finanzierung { Programm = "Konjunkturpaket", BetragCent = 250_000_000, Status = FinanzierungStatus.Bewilligt } },
        }).ResponseAsync);
        var financed = (await _client.SetProjektFinanzierungAsync(new SetProjektFinanzierungRequest
        {
            ProjektId = projektId, RequestId = NewId(), ExpectedVersion = 2,
            Finanzierungen = { new Finanzierung { Programm = "Konjunkturpaket", BetragCent = 250_000_000, Status = FinanzierungStatus.Bewilligt } },
        })).Projekt;

        Assert.Equal((1L, 1L), (first.Version, retried.Version));
        Assert.Equal(StatusCode.InvalidArgument, reused.StatusCode);
        Assert.Contains("request_id", reused.Status.Detail);
        Assert.Equal(StatusCode.FailedPrecondition, stale.StatusCode);
        Assert.Equal(3, financed.Version);
        var projekt = (await _client.GetUmsetzungsprojektAsync(new GetUmsetzungsprojektRequest { ProjektId = projektId })).Projekt;
        Assert.Equal(("Elterngeld digital", "NI", EfaTyp.EntwicklungLand), (projekt.Name, projekt.Projektleitung.Kennung, projekt.EfaTyp));
        Assert.Equal([leikaKey], projekt.LeikaKeys);
        Assert.Equal("Erika Muster", projekt.Methodenexperte.Name);
        Assert.Equal(2, projekt.Beteiligte.Count);
        Assert.Equal(250_000_000, projekt.Finanzierungen.Single().BetragCent);
        Assert.Equal(6, projekt.Phasen.Count);
        Assert.Equal((ProjektPhase.Vorbereitung, true), (projekt.Status.Phase, projekt.Status.ImPlan));

        var history = await _management.ListProgrammeChangesAsync(new ListProgrammeChangesRequest { UmsetzungsprojektId = projektId });
        Assert.Equal([3L, 2L, 1L], history.Changes.Select(c => c.Version));
        Assert.Equal(["finanzierung", "beteiligte", "definition"], history.Changes.Select(c => c.Action));
        var forLeistung = await _client.ListLeistungUmsetzungsprojekteAsync(new ListLeistungUmsetzungsprojekteRequest { OzgId = KnownData.ElterngeldOzgId });
        Assert.Contains(forLeistung.Projekte, p => p.ProjektId == projektId);
        var byLand = await _client.ListUmsetzungsprojekteAsync(new ListUmsetzungsprojekteRequest
        {
            PageSize = 500, Projektleitung = new Organisation { Art = OrganisationArt.Land, Kennung = "NI" }, EfaTyp = EfaTyp.EntwicklungLand,
        });
        Assert.Contains(byLand.Projekte, p => p.ProjektId == projektId);
        Assert.All(byLand.Projekte, p => Assert.Equal("NI", p.Projektleitung.Kennung));
        var otherType = await _client.ListUmsetzungsprojekteAsync(new ListUmsetzungsprojekteRequest { PageSize = 500, EfaTyp = EfaTyp.KeinEfa });
        Assert.DoesNotContain(otherType.Projekte, p => p.ProjektId == projektId);
    }

    [Fact]
    public async Task The_leading_it_dienstleister_sets_dates_defers_and_lists_onlinedienste_but_nothing_else_and_others_only_read()
    {
        var ozgId = fixture.TakeOzgId();
        var projektId = NewId("projekt");
        var host = fixture.Host;
        await _client.DefineUmsetzungsprojektAsync(new DefineUmsetzungsprojektRequest
        {
            ProjektId = projektId, RequestId = NewId(), Name = "Projekt", OzgIds = { ozgId },
            Projektleitung = new Organisation { Art = OrganisationArt.ItDienstleister, Kennung = KnownData.Dataport }, EfaTyp = EfaTyp.EntwicklungDienstleister,
        });
        var outsiderId = $"itdl-{Guid.NewGuid():N}"[..20];
        await new ItDienstleisterService.ItDienstleisterServiceClient(host.Channel).RegisterItDienstleisterAsync(new RegisterItDienstleisterRequest
        {
            Id = outsiderId, RequestId = NewId(), Name = "Außenstehender IT-Dienstleister", Laender = { "BY" },
        });
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        Func<GrpcChannel, Task> Call(Func<UmsetzungsprojektService.UmsetzungsprojektServiceClient, Task> call) =>
            channel => call(new UmsetzungsprojektService.UmsetzungsprojektServiceClient(channel));
        var read = Call(c => c.GetUmsetzungsprojektAsync(new GetUmsetzungsprojektRequest { ProjektId = projektId }).ResponseAsync);
        var list = Call(c => c.ListUmsetzungsprojekteAsync(new ListUmsetzungsprojekteRequest()).ResponseAsync);
        var report = Call(c => c.ExportUmsetzungsprojektReportAsync(new ExportUmsetzungsprojektReportRequest()).ResponseAsync);
        var phase = Call(c => c.SetProjektPhaseAsync(new SetProjektPhaseRequest
        {
            ProjektId = projektId, RequestId = NewId(), Phase = ProjektPhase.Konzeption,
            PlannedStart = Day(today.AddDays(-10)), PlannedEnd = Day(today.AddDays(30)), ActualStart = Day(today.AddDays(-9)),
        }).ResponseAsync);
        var defer = Call(c => c.DeferProjektPhaseAsync(new DeferProjektPhaseRequest
        {
            ProjektId = projektId, RequestId = NewId(), Phase = ProjektPhase.Konzeption, NewPlannedEnd = Day(today.AddDays(60)), Grund = "Vergabe verzögert",
        }).ResponseAsync);
        var onlinedienste = Call(c => c.SetProjektOnlinediensteAsync(new SetProjektOnlinediensteRequest
        {
            ProjektId = projektId, RequestId = NewId(), OnlinedienstIds = { "kita-portal-sh" },
        }).ResponseAsync);
        var define = Call(c => c.DefineUmsetzungsprojektAsync(new DefineUmsetzungsprojektRequest
        {
            ProjektId = projektId, RequestId = NewId(), Name = "Umbenannt", OzgIds = { ozgId },
            Projektleitung = new Organisation { Art = OrganisationArt.ItDienstleister, Kennung = KnownData.Dataport }, EfaTyp = EfaTyp.KeinEfa,
        }).ResponseAsync);
        var beteiligte = Call(c => c.SetProjektBeteiligteAsync(new SetProjektBeteiligteRequest
        {
            ProjektId = projektId, RequestId = NewId(),
            Beteiligte = { new Beteiligung { Organisation = new Organisation { Art = OrganisationArt.Land, Kennung = "SH" }, Rolle = BeteiligungRolle.MitarbeitZugesichert } },
        }).ResponseAsync);
        var finanzierung = Call(c => c.SetProjektFinanzierungAsync(new SetProjektFinanzierungRequest { ProjektId = projektId, RequestId = NewId() }).ResponseAsync);

        var dataport = host.ChannelFor(Roles.ItDienstleister, "dataport:alice", KnownData.Dataport);
        var outsider = host.ChannelFor(Roles.ItDienstleister, "outsider:bob", outsiderId);
        var monitoring = host.ChannelFor(Roles.Monitoring, "dashboard");
        (string Caller, GrpcChannel Channel, string Call, Func<GrpcChannel, Task> Run, StatusCode Expected)[] matrix =
        [
            ("anonymous", host.AnonymousChannel, "read", read, StatusCode.Unauthenticated),
            ("anonymous", host.AnonymousChannel, "phase", phase, StatusCode.Unauthenticated),
            ("monitoring", monitoring, "read", read, StatusCode.OK),
            ("monitoring", monitoring, "list", list, StatusCode.OK),
            ("monitoring", monitoring, "report", report, StatusCode.OK),
            ("monitoring", monitoring, "phase", phase, StatusCode.PermissionDenied),
            ("monitoring", monitoring, "define", define, StatusCode.PermissionDenied),
            ("outsider", outsider, "read", read, StatusCode.OK),
            ("outsider", outsider, "phase of a project it does not lead", phase, StatusCode.PermissionDenied),
            ("outsider", outsider, "defer a project it does not lead", defer, StatusCode.PermissionDenied),
            ("outsider", outsider, "onlinedienste of a project it does not lead", onlinedienste, StatusCode.PermissionDenied),
            ("dataport", dataport, "phase of its project", phase, StatusCode.OK),
            ("dataport", dataport, "defer its project", defer, StatusCode.OK),
            ("dataport", dataport, "onlinedienste of its project", onlinedienste, StatusCode.OK),
            ("dataport", dataport, "define", define, StatusCode.PermissionDenied),
            ("dataport", dataport, "beteiligte", beteiligte, StatusCode.PermissionDenied),
            ("dataport", dataport, "finanzierung", finanzierung, StatusCode.PermissionDenied),
            ("management", host.Channel, "beteiligte", beteiligte, StatusCode.OK),
        ];

        var (outcomes, mismatches) = await AccessMatrix.RunAsync(matrix);

        Assert.True(mismatches.Count == 0, string.Join(Environment.NewLine, mismatches));
        Assert.Contains(outcomes, o => o.StartsWith("outsider / phase", StringComparison.Ordinal) && o.Contains("does not lead"));

        // Only the allowed writes counted: define, then dataport's dates, deferral and Onlinedienste, then the participants.
        var projekt = (await _client.GetUmsetzungsprojektAsync(new GetUmsetzungsprojektRequest { ProjektId = projektId })).Projekt;
        Assert.Equal((5L, "Projekt"), (projekt.Version, projekt.Name));
        var konzeption = projekt.Phasen.Single(p => p.Phase == ProjektPhase.Konzeption);
        Assert.Equal((Day(today.AddDays(60)), 1, "Vergabe verzögert"), (konzeption.PlannedEnd, konzeption.Verschiebungen, konzeption.Verschiebungsgrund));
        Assert.Equal(["kita-portal-sh"], projekt.OnlinedienstIds);
        Assert.Equal(ProjektPhase.Konzeption, projekt.Status.Phase);
        var history = await _management.ListProgrammeChangesAsync(new ListProgrammeChangesRequest { UmsetzungsprojektId = projektId });
        Assert.Equal("verschiebung", history.Changes.Single(c => c.Version == 3).Action);
        Assert.Equal("dataport:alice", history.Changes.Single(c => c.Version == 3).ChangedBy);
    }

    [Fact]
    public async Task Impossible_dates_unknown_values_and_records_not_in_the_catalogue_are_refused_naming_what_is_wrong()
    {
        var ozgId = fixture.TakeOzgId();
        var projektId = NewId("projekt");
        await _client.DefineUmsetzungsprojektAsync(new DefineUmsetzungsprojektRequest
        {
            ProjektId = projektId, RequestId = NewId(), Name = "Projekt", OzgIds = { ozgId },
            Projektleitung = new Organisation { Art = OrganisationArt.Bundesressort, Kennung = "BMI" }, EfaTyp = EfaTyp.KeinEfa,
        });
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        SetProjektPhaseRequest Phase(string plannedStart, string plannedEnd, string actualStart, string actualEnd, ProjektPhase phase = ProjektPhase.Umsetzung) => new()
        {
            ProjektId = projektId, RequestId = NewId(), Phase = phase, PlannedStart = plannedStart, PlannedEnd = plannedEnd, ActualStart = actualStart, ActualEnd = actualEnd,
        };

        (Func<Task> Call, StatusCode Code, string Names)[] cases =
        [
            (() => _client.SetProjektPhaseAsync(Phase(string.Empty, string.Empty, Day(today.AddDays(-3)), Day(today.AddDays(-5)))).ResponseAsync, StatusCode.InvalidArgument, "actual_end"),
            (() => _client.SetProjektPhaseAsync(Phase(string.Empty, string.Empty, Day(today.AddDays(2)), string.Empty)).ResponseAsync, StatusCode.InvalidArgument, "actual_start"),
            (() => _client.SetProjektPhaseAsync(Phase(string.Empty, string.Empty, string.Empty, Day(today.AddDays(-1)))).ResponseAsync, StatusCode.InvalidArgument, "actual_end"),
            (() => _client.SetProjektPhaseAsync(Phase(Day(today.AddDays(9)), Day(today.AddDays(3)), string.Empty, string.Empty)).ResponseAsync, StatusCode.InvalidArgument, "planned_end"),
            (() => _client.SetProjektPhaseAsync(Phase("2026-13-01", string.Empty, string.Empty, string.Empty)).ResponseAsync, StatusCode.InvalidArgument, "planned_start"),
            (() => _client.SetProjektPhaseAsync(Phase(string.Empty, string.Empty, string.Empty, string.Empty, (ProjektPhase)7)).ResponseAsync, StatusCode.InvalidArgument, "phase"),
            (() => _client.DeferProjektPhaseAsync(new DeferProjektPhaseRequest
            {
                ProjektId = projektId, RequestId = NewId(), Phase = ProjektPhase.Pilotierung, NewPlannedEnd = Day(today.AddDays(5)), Grund = "x",
            }).ResponseAsync, StatusCode.FailedPrecondition, "no planned end"),
            (() => _client.DeferProjektPhaseAsync(new DeferProjektPhaseRequest
            {
                ProjektId = projektId, RequestId = NewId(), Phase = ProjektPhase.Pilotierung, NewPlannedEnd = Day(today.AddDays(5)),
            }).ResponseAsync, StatusCode.InvalidArgument, "grund"),
            (() => _client.SetProjektFinanzierungAsync(new SetProjektFinanzierungRequest
            {
                ProjektId = projektId, RequestId = NewId(), Finanzierungen = { new Finanzierung { Programm = "P", BetragCent = -1, Status = FinanzierungStatus.Beantragt } },
            }).ResponseAsync, StatusCode.InvalidArgument, "finanzierungen[0].betrag_cent"),
            (() => _client.SetProjektFinanzierungAsync(new SetProjektFinanzierungRequest
            {
                ProjektId = projektId, RequestId = NewId(), Finanzierungen = { new Finanzierung { Programm = "P", BetragCent = 1, Status = (FinanzierungStatus)99 } },
            }).ResponseAsync, StatusCode.InvalidArgument, "finanzierungen[0].status"),
            (() => _client.SetProjektBeteiligteAsync(new SetProjektBeteiligteRequest
            {
                ProjektId = projektId, RequestId = NewId(),
                Beteiligte = { new Beteiligung { Organisation = new Organisation { Art = OrganisationArt.ItDienstleister, Kennung = "nicht-registriert" }, Rolle = BeteiligungRolle.Interessiert } },
            }).ResponseAsync, StatusCode.InvalidArgument, "beteiligte[0].organisation.kennung"),
            (() => _client.SetProjektOnlinediensteAsync(new SetProjektOnlinediensteRequest
            {
                ProjektId = projektId, RequestId = NewId(), OnlinedienstIds = { "Kein Id!" },
            }).ResponseAsync, StatusCode.InvalidArgument, "onlinedienst_ids"),
            (() => _client.DefineUmsetzungsprojektAsync(new DefineUmsetzungsprojektRequest
            {
                ProjektId = NewId("projekt"), RequestId = NewId(), Name = "P", OzgIds = { ozgId }, LeikaKeys = { "99999999999999" },
                Projektleitung = new Organisation { Art = OrganisationArt.Land, Kennung = "BY" }, EfaTyp = EfaTyp.KeinEfa,
            }).ResponseAsync, StatusCode.NotFound, "LeiKa-Leistung 99999999999999"),
            (() => _client.DefineUmsetzungsprojektAsync(new DefineUmsetzungsprojektRequest
            {
                ProjektId = NewId("projekt"), RequestId = NewId(), Name = "P", OzgIds = { 99999 },
                Projektleitung = new Organisation { Art = OrganisationArt.Land, Kennung = "BY" }, EfaTyp = EfaTyp.KeinEfa,
            }).ResponseAsync, StatusCode.NotFound, "99999"),
            (() => _client.DefineUmsetzungsprojektAsync(new DefineUmsetzungsprojektRequest
            {
                ProjektId = NewId("projekt"), RequestId = NewId(), Name = "P", OzgIds = { ozgId }, Projektleitung = new Organisation { Art = OrganisationArt.Land, Kennung = "BY" },
            }).ResponseAsync, StatusCode.InvalidArgument, "efa_typ"),
            (() => _client.DefineUmsetzungsprojektAsync(new DefineUmsetzungsprojektRequest
            {
                ProjektId = NewId("projekt"), RequestId = NewId(), Name = "P", OzgIds = { ozgId }, EfaTyp = EfaTyp.KeinEfa,
            }).ResponseAsync, StatusCode.InvalidArgument, "projektleitung"),
            (() => _client.GetUmsetzungsprojektAsync(new GetUmsetzungsprojektRequest { ProjektId = NewId("unbekannt") }).ResponseAsync, StatusCode.NotFound, "There is no Umsetzungsprojekt"),
            (() => _client.ListUmsetzungsprojekteAsync(new ListUmsetzungsprojekteRequest { Phase = (ProjektPhase)(-3) }).ResponseAsync, StatusCode.InvalidArgument, "phase"),
        ];

        var wrong = new List<string>();
        foreach (var (call, code, names) in cases)
        {
            var refused = await Refused(call());
            if (refused.StatusCode != code || !refused.Status.Detail.Contains(names, StringComparison.Ordinal))
            {
                wrong.Add($"expected {code} naming '{names}', got {refused.StatusCode}: {refused.Status.Detail}");
            }
        }

        Assert.True(wrong.Count == 0, string.Join(Environment.NewLine, wrong));
        Assert.Equal(1, (await _client.GetUmsetzungsprojektAsync(new GetUmsetzungsprojektRequest { ProjektId = projektId })).Projekt.Version);
    }

    [Fact]
    public async Task Each_change_of_a_project_is_announced_on_WatchProgrammeManagement_naming_the_project()
    {
        var projektId = NewId("projekt");
        var watcher = new ProgrammeManagementService.ProgrammeManagementServiceClient(fixture.Host.ChannelFor(Roles.Monitoring, "projekt-watcher"));
        using var stream = watcher.WatchProgrammeManagement(new WatchProgrammeManagementRequest());
        using var deadline = new CancellationTokenSource(Eventually.DefaultTimeout);
        Assert.True(await stream.ResponseStream.MoveNext(deadline.Token));

        await _client.DefineUmsetzungsprojektAsync(new DefineUmsetzungsprojektRequest
        {
            ProjektId = projektId, RequestId = NewId(), Name = "Projekt", OzgIds = { fixture.TakeOzgId() },
            Projektleitung = new Organisation { Art = OrganisationArt.Land, Kennung = "BE" }, EfaTyp = EfaTyp.KeinEfa,
        });
        await _client.SetProjektFinanzierungAsync(new SetProjektFinanzierungRequest
        {
            ProjektId = projektId, RequestId = NewId(), ExpectedVersion = 1,
            Finanzierungen = { new Finanzierung { Programm = "Landesmittel", BetragCent = 100_000, Status = FinanzierungStatus.Beantragt } },
        });

        var announced = new List<ProgrammeEvent>();
        while (announced.Count < 2)
        {
            Assert.True(await stream.ResponseStream.MoveNext(deadline.Token), "the stream ended before announcing the project's changes");
            if (stream.ResponseStream.Current.ProgrammeEvent is { UmsetzungsprojektId: var id } e && id == projektId)
            {
                announced.Add(e);
            }
        }

        Assert.All(announced, e => Assert.Equal((ProgrammeEventKind.UmsetzungsprojektGeaendert, 0), (e.Kind, e.OzgId)));
        Assert.True(announced[0].Sequence < announced[1].Sequence, "announced in the order written");
    }

    [Fact]
    public async Task A_project_whose_definition_failed_after_its_index_entries_is_left_out_of_every_list_and_report()
    {
        var (listed, phantom) = (NewId("projekt"), NewId("projekt"));
        var ozgId = fixture.TakeOzgId();
        await _client.DefineUmsetzungsprojektAsync(new DefineUmsetzungsprojektRequest
        {
            ProjektId = listed, RequestId = NewId(), Name = "Projekt", OzgIds = { ozgId },
            Projektleitung = new Organisation { Art = OrganisationArt.Land, Kennung = "HB" }, EfaTyp = EfaTyp.KeinEfa,
        });

        // What a first definition leaves when its record's write fails after the indexes were written: ids, no record.
        var grains = fixture.Host.Services.GetRequiredService<IGrainFactory>();
        await grains.GetGrain<IIdSetGrain>(UmsetzungsprojektIdSets.Alle).SetAsync(phantom, member: true);
        await grains.GetGrain<IIdSetGrain>(UmsetzungsprojektIdSets.Of(ozgId)).SetAsync(phantom, member: true);

        var all = new List<string>();
        var page = new ListUmsetzungsprojekteResponse { NextPageToken = "" };
        do
        {
            page = await _client.ListUmsetzungsprojekteAsync(new ListUmsetzungsprojekteRequest { PageSize = 50, PageToken = page.NextPageToken });
            all.AddRange(page.Projekte.Select(p => p.ProjektId));
        }
        while (page.NextPageToken.Length > 0);
        var ofLeistung = await _client.ListLeistungUmsetzungsprojekteAsync(new ListLeistungUmsetzungsprojekteRequest { OzgId = ozgId });
        var report = await _client.ExportUmsetzungsprojektReportAsync(new ExportUmsetzungsprojektReportRequest());
        var kennzahlen = await new OnlinedienstKennzahlenService.OnlinedienstKennzahlenServiceClient(fixture.Host.Channel)
            .GetOnlinedienstKennzahlenAsync(new GetOnlinedienstKennzahlenRequest());

        Assert.Equal((true, false), (all.Contains(listed), all.Contains(phantom)));
        Assert.Equal([listed], ofLeistung.Projekte.Select(p => p.ProjektId));
        Assert.NotEmpty(report.Csv);
        Assert.NotNull(kennzahlen);
    }

    [Fact]
    public async Task The_report_counts_the_projects_per_phase_on_time_and_overdue()
    {
        var projektId = NewId("projekt");
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        await _client.DefineUmsetzungsprojektAsync(new DefineUmsetzungsprojektRequest
        {
            ProjektId = projektId, RequestId = NewId(), Name = "Projekt", OzgIds = { fixture.TakeOzgId() },
            Projektleitung = new Organisation { Art = OrganisationArt.Land, Kennung = "HE" }, EfaTyp = EfaTyp.NachnutzungSicher,
        });
        var before = Rows((await _client.ExportUmsetzungsprojektReportAsync(new ExportUmsetzungsprojektReportRequest())).Csv);

        // Planned to have ended yesterday, never ended: overdue in Pilotierung, which began by plan.
        await _client.SetProjektPhaseAsync(new SetProjektPhaseRequest
        {
            ProjektId = projektId, RequestId = NewId(), Phase = ProjektPhase.Pilotierung, PlannedStart = Day(today.AddDays(-20)), PlannedEnd = Day(today.AddDays(-1)),
        });

        var report = await _client.ExportUmsetzungsprojektReportAsync(new ExportUmsetzungsprojektReportRequest());
        var after = Rows(report.Csv);
        Assert.Equal($"ozg-umsetzungsprojekte-{today:yyyy-MM-dd}.csv", report.FileName);
        Assert.Equal("phase,projekte,im_plan,ueberfaellig", report.Csv.Split('\n')[0].Trim());
        Assert.Equal(6, after.Count);
        Assert.Equal(before["vorbereitung"][0] - 1, after["vorbereitung"][0]);
        Assert.Equal(before["pilotierung"][2] + 1, after["pilotierung"][2]);
        Assert.Equal(before["pilotierung"][1], after["pilotierung"][1]);
        var overdue = await _client.ListUmsetzungsprojekteAsync(new ListUmsetzungsprojekteRequest { PageSize = 500, NurUeberfaellig = true, Phase = ProjektPhase.Pilotierung });
        Assert.Contains(overdue.Projekte, p => p.ProjektId == projektId && p.Status.Ueberfaellig.Single() == ProjektPhase.Pilotierung);
        Assert.True(overdue.Ueberfaellig >= 1, "The overdue project should be counted.");
    }

    private static Dictionary<string, int[]> Rows(string csv) =>
        csv.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Skip(1)
            .Select(line => line.Split(','))
            .ToDictionary(cells => cells[0], cells => cells[1..].Select(int.Parse).ToArray());

    private static async Task<RpcException> Refused(Task call) => await Assert.ThrowsAsync<RpcException>(() => call);

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd");

    private static string NewId(string prefix = "req") => $"{prefix}-{Guid.NewGuid():N}"[..Math.Min(prefix.Length + 25, 60)];
}
