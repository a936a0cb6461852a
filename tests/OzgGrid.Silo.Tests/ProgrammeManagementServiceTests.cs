using Grpc.Core;
using Microsoft.Extensions.DependencyInjection;
using OzgGrid.Gateway.Identity;
using OzgGrid.Protos.V1;
using OzgGrid.Silo.Tests.Hosting;
using IdSets = OzgGrid.Grains.Abstractions.ProgrammeManagement.IdSets;
using IIdSetGrain = OzgGrid.Grains.Abstractions.ProgrammeManagement.IIdSetGrain;

namespace OzgGrid.Silo.Tests;

/// <summary>The programme-management API over real gRPC: writes, reads, histories, refusals and the live stream. On each store: <see cref="AzuriteProgrammeManagementServiceTests"/>, <see cref="Postgres.PostgresProgrammeManagementServiceTests"/>.</summary>
public abstract class ProgrammeManagementServiceTests(GatewayFixture fixture)
{
    private readonly ProgrammeManagementService.ProgrammeManagementServiceClient _client = new(fixture.Host.Channel);

    [Fact]
    public async Task A_lab_is_defined_by_the_management_and_moved_on_by_an_it_dienstleister_taking_part()
    {
        var laborId = NewId("labor");
        var ozgId = fixture.TakeOzgId();
        var themenfeldId = (await fixture.Leistungen.GetLeistungAsync(new GetLeistungRequest { OzgId = ozgId })).Leistung.ThemenfeldId;
        await _client.DefineLaborAsync(new DefineLaborRequest
        {
            LaborId = laborId, RequestId = NewId(), Name = "Digitalisierungslabor Test", ThemenfeldId = themenfeldId, OzgIds = { ozgId },
        });
        await _client.SetLaborTeilnehmerAsync(new SetLaborTeilnehmerRequest
        {
            LaborId = laborId, RequestId = NewId(), ExpectedVersion = 1,
            Teilnehmer =
            {
                new LaborTeilnehmer { Art = TeilnehmerArt.ItDienstleister, Kennung = KnownData.Dataport, Rolle = "IT-Architektur" },
                new LaborTeilnehmer { Art = TeilnehmerArt.Land, Kennung = "01", Rolle = "Recht" },
                new LaborTeilnehmer { Art = TeilnehmerArt.Kommune, Kennung = "01002000", Rolle = "Organisation" },
                new LaborTeilnehmer { Art = TeilnehmerArt.Bundesressort, Kennung = "BMFSFJ", Rolle = "Federführung" },
            },
        });
        var dataport = new ProgrammeManagementService.ProgrammeManagementServiceClient(
            fixture.Host.ChannelFor(Roles.ItDienstleister, "dataport:alice", KnownData.Dataport));

        var moved = await dataport.SetLaborStufeAsync(new SetLaborStufeRequest { LaborId = laborId, RequestId = NewId(), Stufe = LaborStufe.Zielbild });
        var published = await dataport.PublishBlaupauseAsync(new PublishBlaupauseRequest
        {
            LaborId = laborId, RequestId = NewId(), Name = "Referenzprozess", Link = "https://example.org/referenz", Beschreibung = "Antragsstrecke",
        });
        var skipped = await Assert.ThrowsAsync<RpcException>(() =>
            dataport.SetLaborStufeAsync(new SetLaborStufeRequest { LaborId = laborId, RequestId = NewId(), Stufe = LaborStufe.Abgeschlossen }).ResponseAsync);

        Assert.Equal(LaborStufe.Zielbild, moved.Labor.Stufe);
        Assert.Equal(1, published.Blaupause.Version);
        Assert.Equal(StatusCode.FailedPrecondition, skipped.StatusCode);
        Assert.Contains("at stage LABOR_STUFE_ZIELBILD", skipped.Status.Detail);
        Assert.Contains("the next is LABOR_STUFE_KLICK_PROTOTYP", skipped.Status.Detail);
        var labor = (await _client.GetLaborAsync(new GetLaborRequest { LaborId = laborId })).Labor;
        Assert.Equal(4, labor.Version);
        Assert.Equal("SH", labor.Teilnehmer.Single(t => t.Art == TeilnehmerArt.Land).Kennung);
        var history = await _client.ListProgrammeChangesAsync(new ListProgrammeChangesRequest { LaborId = laborId, PageSize = 2 });
        Assert.Equal([4L, 3L], history.Changes.Select(c => c.Version));
        Assert.All(history.Changes, c => Assert.Equal("dataport:alice", c.ChangedBy));
        var rest = await _client.ListProgrammeChangesAsync(new ListProgrammeChangesRequest { LaborId = laborId, PageSize = 2, PageToken = history.NextPageToken });
        Assert.Equal([2L, 1L], rest.Changes.Select(c => c.Version));
        Assert.Equal(TestHost.ManagementSubject, rest.Changes[0].ChangedBy);
        var listed = await _client.ListLaboreAsync(new ListLaboreRequest { ThemenfeldId = themenfeldId });
        Assert.Contains(listed.Labore, l => l.LaborId == laborId && l.Stufe == LaborStufe.Zielbild);
    }

    [Fact]
    public async Task A_component_is_linked_to_the_leistungen_using_it_and_found_from_both_sides()
    {
        var komponenteId = NewId("komponente");
        var (first, second) = (fixture.TakeOzgId(), fixture.TakeOzgId());
        await _client.RegisterKomponenteAsync(new RegisterKomponenteRequest
        {
            KomponenteId = komponenteId, RequestId = NewId(), Name = "Bezahldienst ePayBL", Art = KomponenteArt.Bezahldienst, Beschreibung = "Zahlungsabwicklung",
        });

        await _client.SetKomponenteNutzungAsync(new SetKomponenteNutzungRequest { KomponenteId = komponenteId, RequestId = NewId(), OzgId = first, Used = true });
        await _client.SetKomponenteNutzungAsync(new SetKomponenteNutzungRequest { KomponenteId = komponenteId, RequestId = NewId(), OzgId = second, Used = true });

        var komponente = (await _client.GetKomponenteAsync(new GetKomponenteRequest { KomponenteId = komponenteId })).Komponente;
        Assert.Equal(new[] { first, second }.Order(), komponente.OzgIds);
        var used = await _client.ListLeistungKomponentenAsync(new ListLeistungKomponentenRequest { OzgId = second });
        Assert.Equal(komponenteId, Assert.Single(used.Komponenten).KomponenteId);
        var unknown = await Assert.ThrowsAsync<RpcException>(() => _client.ListLeistungKomponentenAsync(new ListLeistungKomponentenRequest { OzgId = 99999 }).ResponseAsync);
        Assert.Equal(StatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task An_index_entry_left_by_a_write_that_failed_half_way_is_not_listed()
    {
        var komponenteId = NewId("komponente");
        var ozgId = fixture.TakeOzgId();
        await _client.RegisterKomponenteAsync(new RegisterKomponenteRequest
        {
            KomponenteId = komponenteId, RequestId = NewId(), Name = "Postfach", Art = KomponenteArt.Bezahldienst, Beschreibung = "",
        });

        // What an unlink leaves when it fails between the component's write and the index's: the index still names it.
        var grains = fixture.Host.Services.GetRequiredService<IGrainFactory>();
        await grains.GetGrain<IIdSetGrain>(IdSets.KomponentenOf(ozgId)).SetAsync(komponenteId, member: true);

        var listed = await _client.ListLeistungKomponentenAsync(new ListLeistungKomponentenRequest { OzgId = ozgId });

        Assert.DoesNotContain(listed.Komponenten, k => k.KomponenteId == komponenteId);
    }

    [Fact]
    public async Task Nachnutzung_moves_one_state_at_a_time_an_override_is_recorded_and_the_stream_and_report_show_it()
    {
        var ozgId = fixture.TakeOzgId();
        using var stream = _client.WatchProgrammeManagement(new WatchProgrammeManagementRequest());
        using var deadline = new CancellationTokenSource(Eventually.DefaultTimeout);
        Assert.True(await stream.ResponseStream.MoveNext(deadline.Token));
        Assert.Equal(WatchProgrammeManagementResponse.EventOneofCase.Snapshot, stream.ResponseStream.Current.EventCase);
        await _client.SetUmsetzungslandAsync(new SetUmsetzungslandRequest { OzgId = ozgId, RequestId = NewId(), Land = "HE" });
        await _client.SetNachnutzungAsync(new SetNachnutzungRequest { OzgId = ozgId, RequestId = NewId(), Land = "BY", Zustand = NachnutzungZustand.Interessenbekundung });

        var jump = await Assert.ThrowsAsync<RpcException>(() => _client.SetNachnutzungAsync(new SetNachnutzungRequest
        {
            OzgId = ozgId, RequestId = NewId(), Land = "BY", Zustand = NachnutzungZustand.Live,
        }).ResponseAsync);
        var overridden = await _client.SetNachnutzungAsync(new SetNachnutzungRequest
        {
            OzgId = ozgId, RequestId = NewId(), Land = "BY", Zustand = NachnutzungZustand.Live, Override = true,
        });

        Assert.Equal(StatusCode.FailedPrecondition, jump.StatusCode);
        Assert.Equal(NachnutzungZustand.Live, overridden.Nachnutzung.Laender["BY"]);
        var latest = (await _client.ListProgrammeChangesAsync(new ListProgrammeChangesRequest { NachnutzungOzgId = ozgId })).Changes[0];
        Assert.Equal("nachnutzung-override", latest.Action);
        var report = await _client.GetNachnutzungReportAsync(new GetNachnutzungReportRequest());
        var leistung = report.Leistungen.Single(l => l.OzgId == ozgId);
        Assert.Equal(("HE", 1), (leistung.Umsetzungsland, leistung.NachnutzerLive));
        Assert.Equal(16, report.Laender.Count);

        var nachnutzerKey = $"efa/leistung/{ozgId}/nachnutzer";
        while (true)
        {
            Assert.True(await stream.ResponseStream.MoveNext(deadline.Token), "the stream ended before announcing the Nachnutzung");
            var message = stream.ResponseStream.Current;
            if (message.ProgrammeEvent is { } announced && announced.ChangedFigures.Any(f => f.Key == nachnutzerKey))
            {
                Assert.Equal(ProgrammeEventKind.NachnutzungGeaendert, announced.Kind);
                Assert.Equal(ozgId, announced.OzgId);
                break;
            }
        }
    }

    [Fact]
    public async Task A_beschluss_sets_milestones_that_name_it_and_is_listed()
    {
        var (first, second) = (fixture.TakeOzgId(), fixture.TakeOzgId());
        var nummer = $"2026/{Random.Shared.Next(100_000, 999_999)}";
        var planned = DateOnly.FromDateTime(DateTime.UtcNow).AddYears(1).ToString("yyyy-MM-dd");

        var recorded = await _client.RecordBeschlussAsync(new RecordBeschlussRequest
        {
            Nummer = nummer, RequestId = NewId(), Datum = DateOnly.FromDateTime(DateTime.UtcNow).ToString("yyyy-MM-dd"),
            Titel = "Roll-out", Text = "Roll-out in Nordrhein-Westfalen bis Jahresende.",
            Prioritaeten = { new PrioritaetVorgabe { OzgId = first, Prioritaet = Prioritaet.Hoch } },
            Meilensteine = { new MeilensteinVorgabe { OzgIds = { first, second }, Phase = Umsetzungsphase.RollOut, Land = "NW", PlannedDate = planned } },
        });

        Assert.Equal(1, recorded.Beschluss.Version);
        foreach (var ozgId in new[] { first, second })
        {
            var meilensteine = (await _client.GetMeilensteineAsync(new GetMeilensteineRequest { OzgId = ozgId })).Meilensteine;
            var meilenstein = Assert.Single(meilensteine.Meilensteine);
            Assert.Equal((nummer, "NW", planned, Umsetzungsphase.RollOut), (meilenstein.Beschluss, meilenstein.Land, meilenstein.PlannedDate, meilenstein.Phase));
            Assert.Empty(meilensteine.Ueberfaellig);
        }

        var listed = await _client.ListBeschluesseAsync(new ListBeschluesseRequest { PageSize = 500 });
        Assert.Contains(listed.Beschluesse, b => b.Nummer == nummer && b.Meilensteine.Count == 1);
        var overdue = await _client.ListUeberfaelligeLeistungenAsync(new ListUeberfaelligeLeistungenRequest { Beschluss = nummer });
        Assert.Empty(overdue.Leistungen);
    }

    [Fact]
    public async Task Unknown_ids_are_NotFound_and_dates_in_the_past_or_malformed_are_InvalidArgument_naming_the_field()
    {
        var ozgId = fixture.TakeOzgId();
        var yesterday = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-1).ToString("yyyy-MM-dd");
        var tomorrow = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(2).ToString("yyyy-MM-dd");

        (Func<Task> Call, StatusCode Expected, string DetailStart)[] cases =
        [
            (() => _client.GetLaborAsync(new GetLaborRequest { LaborId = NewId("labor") }).ResponseAsync, StatusCode.NotFound, "There is no Digitalisierungslabor"),
            (() => _client.GetKomponenteAsync(new GetKomponenteRequest { KomponenteId = NewId("komponente") }).ResponseAsync, StatusCode.NotFound, "There is no reusable component"),
            (() => _client.GetBeschlussAsync(new GetBeschlussRequest { Nummer = "1999/1" }).ResponseAsync, StatusCode.NotFound, "There is no Beschluss"),
            (() => _client.GetNachnutzungAsync(new GetNachnutzungRequest { OzgId = 99999 }).ResponseAsync, StatusCode.NotFound, "There is no OZG-Leistung"),
            (() => _client.ListLaboreAsync(new ListLaboreRequest { ThemenfeldId = 99 }).ResponseAsync, StatusCode.NotFound, "There is no Themenfeld"),
            (() => _client.DefineLaborAsync(new DefineLaborRequest { LaborId = NewId("labor"), RequestId = NewId(), Name = "x", ThemenfeldId = 99 }).ResponseAsync,
                StatusCode.NotFound, "There is no Themenfeld"),
            (() => _client.SetMeilensteinAsync(new SetMeilensteinRequest { OzgId = ozgId, RequestId = NewId(), Phase = Umsetzungsphase.RollOut, PlannedDate = yesterday }).ResponseAsync,
                StatusCode.InvalidArgument, "planned_date"),
            (() => _client.SetMeilensteinAsync(new SetMeilensteinRequest { OzgId = ozgId, RequestId = NewId(), Phase = Umsetzungsphase.RollOut, PlannedDate = "31.12.2026" }).ResponseAsync,
                StatusCode.InvalidArgument, "planned_date"),
            (() => _client.SetMeilensteinAsync(new SetMeilensteinRequest { OzgId = ozgId, RequestId = NewId(), Phase = Umsetzungsphase.RollOut, PlannedDate = tomorrow, Beschluss = "1999/2" }).ResponseAsync,
                StatusCode.NotFound, "There is no Beschluss"),
            (() => _client.SetMeilensteinAsync(new SetMeilensteinRequest { OzgId = 99999, RequestId = NewId(), Phase = Umsetzungsphase.RollOut, PlannedDate = tomorrow }).ResponseAsync,
                StatusCode.NotFound, "There is no OZG-Leistung"),
            (() => _client.SetMeilensteinAsync(new SetMeilensteinRequest { OzgId = ozgId, Phase = Umsetzungsphase.RollOut, PlannedDate = tomorrow }).ResponseAsync,
                StatusCode.InvalidArgument, "request_id"),
            (() => _client.RecordBeschlussAsync(new RecordBeschlussRequest
            {
                Nummer = "2026/77", RequestId = NewId(), Datum = tomorrow, Titel = "t", Text = "t",
            }).ResponseAsync, StatusCode.InvalidArgument, "datum"),
            (() => _client.RecordBeschlussAsync(new RecordBeschlussRequest
            {
                Nummer = "2026/78", RequestId = NewId(), Datum = yesterday, Titel = "t", Text = "t",
                Meilensteine = { new MeilensteinVorgabe { OzgIds = { ozgId }, Phase = Umsetzungsphase.RollOut, PlannedDate = yesterday } },
            }).ResponseAsync, StatusCode.InvalidArgument, "meilensteine.planned_date"),
            (() => _client.SetNachnutzungAsync(new SetNachnutzungRequest { OzgId = ozgId, RequestId = NewId(), Land = "XX", Zustand = NachnutzungZustand.Vertrag }).ResponseAsync,
                StatusCode.InvalidArgument, "land"),
            (() => _client.PublishBlaupauseAsync(new PublishBlaupauseRequest { LaborId = NewId("labor"), RequestId = NewId(), Name = "x", Link = "ftp://x" }).ResponseAsync,
                StatusCode.InvalidArgument, "link"),
            (() => _client.ListProgrammeChangesAsync(new ListProgrammeChangesRequest()).ResponseAsync, StatusCode.InvalidArgument, "subject"),
        ];

        var mismatches = new List<string>();
        foreach (var (call, expected, detailStart) in cases)
        {
            var error = await Assert.ThrowsAsync<RpcException>(call);
            if (error.StatusCode != expected || !error.Status.Detail.StartsWith(detailStart, StringComparison.Ordinal))
            {
                mismatches.Add($"expected {expected} '{detailStart}…', got {error.StatusCode} '{error.Status.Detail}'");
            }
        }

        Assert.True(mismatches.Count == 0, string.Join(Environment.NewLine, mismatches));
        Assert.Equal(0, (await _client.GetMeilensteineAsync(new GetMeilensteineRequest { OzgId = ozgId })).Meilensteine.Version);
    }

    [Fact]
    public async Task A_retry_is_applied_once_and_a_stale_expected_version_is_refused_with_the_current_one()
    {
        var komponenteId = NewId("komponente");
        var request = new RegisterKomponenteRequest
        {
            KomponenteId = komponenteId, RequestId = NewId(), Name = "Nutzerkonto Bund", Art = KomponenteArt.NutzerkontoAnbindung,
        };

        var first = await _client.RegisterKomponenteAsync(request);
        var retry = await _client.RegisterKomponenteAsync(request);
        var stale = await Assert.ThrowsAsync<RpcException>(() => _client.RegisterKomponenteAsync(new RegisterKomponenteRequest
        {
            KomponenteId = komponenteId, RequestId = NewId(), ExpectedVersion = 0, Name = "Nutzerkonto", Art = KomponenteArt.NutzerkontoAnbindung,
        }).ResponseAsync);

        Assert.Equal(first.Komponente, retry.Komponente);
        Assert.Equal(StatusCode.FailedPrecondition, stale.StatusCode);
        Assert.Equal("1", stale.Trailers.GetValue("ozg-current-version"));
    }

    private static string NewId(string prefix = "req") => $"{prefix}-{Guid.NewGuid():N}"[..Math.Min(prefix.Length + 25, 60)];
}
