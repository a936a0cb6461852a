using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using OzgGrid.Protos.V1;
using OzgGrid.Silo.Tests.Hosting;

namespace OzgGrid.Silo.Tests;

/// <summary>
/// Input that passes the type checks of the wire but names nothing, or a moment or date no caller can mean: refused at
/// the gateway with a status the caller can act on, never INTERNAL, and never counted as a failure of the back end.
/// </summary>
[Collection(GatewayCollection.Name)]
public sealed class GatewayValidationTests(GatewayFixture fixture)
{
    private const int UnknownThemenfeld = 15;

    private readonly MonitoringService.MonitoringServiceClient _monitoring = fixture.Monitoring;
    private readonly LeistungService.LeistungServiceClient _leistungen = fixture.Leistungen;
    private readonly ProgrammeManagementService.ProgrammeManagementServiceClient _management = new(fixture.Host.Channel);
    private readonly RolloutService.RolloutServiceClient _rollout = new(fixture.Host.Channel);

    public static TheoryData<long, int> MomentsOutOfRange => new()
    {
        { 0, -1 },
        { 0, 1_000_000_000 },
        { -62_135_596_801, 0 },
        { 253_402_300_800, 0 },
    };

    [Theory]
    [MemberData(nameof(MomentsOutOfRange))]
    public async Task A_moment_outside_the_Timestamp_range_is_invalid_for_every_read_as_of(long seconds, int nanos)
    {
        var asOf = new Timestamp { Seconds = seconds, Nanos = nanos };

        var figures = await Refused(_monitoring.GetProgrammeFiguresAsync(new GetProgrammeFiguresRequest { AsOf = asOf }).ResponseAsync);
        var report = await Refused(_monitoring.ExportReportAsync(new ExportReportRequest { Kind = ReportKind.Themenfelder, AsOf = asOf }).ResponseAsync);
        var leistung = await Refused(_monitoring.GetLeistungAsOfAsync(new GetLeistungAsOfRequest { OzgId = KnownData.ElterngeldOzgId, AsOf = asOf }).ResponseAsync);

        Assert.All([figures, report, leistung], refused =>
        {
            Assert.Equal(StatusCode.InvalidArgument, refused.StatusCode);
            Assert.StartsWith("as_of: Not a valid moment", refused.Status.Detail);
        });
    }

    [Fact]
    public async Task Many_invalid_moments_do_not_open_the_circuit_for_other_callers()
    {
        var invalid = new Timestamp { Seconds = 0, Nanos = -1 };

        // More than the breaker's minimum throughput, all refused.
        for (var call = 0; call < 15; call++)
        {
            await Refused(_monitoring.GetProgrammeFiguresAsync(new GetProgrammeFiguresRequest { AsOf = invalid }).ResponseAsync);
        }

        var figures = await _monitoring.GetProgrammeFiguresAsync(new GetProgrammeFiguresRequest());
        Assert.Equal(KnownData.Leistungen, figures.Figures.Leistungen);
    }

    [Fact]
    public async Task An_unknown_Leistung_as_of_a_moment_is_not_found_as_such()
    {
        var refused = await Refused(_monitoring.GetLeistungAsOfAsync(
            new GetLeistungAsOfRequest { OzgId = 99_999, AsOf = Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow) }).ResponseAsync);

        Assert.Equal(StatusCode.NotFound, refused.StatusCode);
        Assert.Equal("There is no OZG-Leistung with OZG-ID 99999 in the catalogue.", refused.Status.Detail);
    }

    [Fact]
    public async Task An_unknown_Themenfeld_or_Lage_in_a_filter_is_not_found_not_an_empty_answer()
    {
        var leistungen = await Refused(_leistungen.ListLeistungenAsync(new ListLeistungenRequest { ThemenfeldId = UnknownThemenfeld }).ResponseAsync);
        var lage = await Refused(_leistungen.ListLeistungenAsync(new ListLeistungenRequest { LageId = 9_999 }).ResponseAsync);
        var overdue = await Refused(_management.ListUeberfaelligeLeistungenAsync(
            new ListUeberfaelligeLeistungenRequest { ThemenfeldId = UnknownThemenfeld }).ResponseAsync);
        using var watch = _monitoring.WatchProgramme(new WatchProgrammeRequest { ThemenfeldId = UnknownThemenfeld });
        var watched = await Refused(watch.ResponseStream.MoveNext(CancellationToken.None));

        Assert.All([leistungen, overdue, watched], refused =>
        {
            Assert.Equal(StatusCode.NotFound, refused.StatusCode);
            Assert.Contains($"There is no Themenfeld {UnknownThemenfeld}", refused.Status.Detail);
        });
        Assert.Equal(StatusCode.NotFound, lage.StatusCode);
        Assert.Contains("There is no Lebens- or Geschäftslage 9999", lage.Status.Detail);
    }

    [Fact]
    public async Task An_unknown_OZG_ID_in_a_watch_filter_is_not_found_not_a_stream_that_never_shows_it()
    {
        using var watch = _monitoring.WatchProgramme(new WatchProgrammeRequest { OzgIds = { KnownData.ElterngeldOzgId, 99_999 } });

        var refused = await Refused(watch.ResponseStream.MoveNext(CancellationToken.None));

        Assert.Equal(StatusCode.NotFound, refused.StatusCode);
        Assert.Equal("There is no OZG-Leistung with OZG-ID 99999 in the catalogue.", refused.Status.Detail);
    }

    [Fact]
    public async Task A_known_Lage_still_filters_and_a_negative_one_is_invalid()
    {
        var lageId = (await _leistungen.GetLeistungAsync(new GetLeistungRequest { OzgId = KnownData.ElterngeldOzgId })).Leistung.LageId;

        var listed = await _leistungen.ListLeistungenAsync(new ListLeistungenRequest { LageId = lageId, PageSize = 500 });
        var negative = await Refused(_leistungen.ListLeistungenAsync(new ListLeistungenRequest { LageId = -3 }).ResponseAsync);

        Assert.Contains(listed.Leistungen, l => l.OzgId == KnownData.ElterngeldOzgId);
        Assert.All(listed.Leistungen, l => Assert.Equal(lageId, l.LageId));
        Assert.Equal(StatusCode.InvalidArgument, negative.StatusCode);
        Assert.StartsWith("lage_id:", negative.Status.Detail);
    }

    [Fact]
    public async Task An_unknown_progress_granularity_is_invalid()
    {
        var refused = await Refused(_monitoring.GetProgressAsync(new GetProgressRequest { Granularity = (ProgressGranularity)7 }).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, refused.StatusCode);
        Assert.StartsWith("granularity: Unknown value 7", refused.Status.Detail);
    }

    [Theory]
    [InlineData("9999-12-31")]
    [InlineData("2100-01-01")]
    [InlineData("1999-12-31")]
    public async Task A_milestone_date_outside_the_programme_s_range_is_invalid_and_nothing_is_stored(string planned)
    {
        var ozgId = fixture.TakeOzgId();
        var before = (await _management.GetMeilensteineAsync(new GetMeilensteineRequest { OzgId = ozgId })).Meilensteine;

        var refused = await Refused(_management.SetMeilensteinAsync(new SetMeilensteinRequest
        {
            OzgId = ozgId, RequestId = Guid.NewGuid().ToString(), Phase = Umsetzungsphase.Regelbetrieb, PlannedDate = planned,
        }).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, refused.StatusCode);
        Assert.Equal($"planned_date: Must lie between 2000-01-01 and 2099-12-31, not {planned}.", refused.Status.Detail);
        var after = (await _management.GetMeilensteineAsync(new GetMeilensteineRequest { OzgId = ozgId })).Meilensteine;
        Assert.Equal(before.Version, after.Version);
    }

    [Fact]
    public async Task Importing_an_empty_Kommunen_register_is_invalid()
    {
        var refused = await Refused(_rollout.ImportKommunenAsync(new ImportKommunenRequest { Land = "HB", RequestId = Guid.NewGuid().ToString() }).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, refused.StatusCode);
        Assert.StartsWith("kommunen: Required", refused.Status.Detail);
    }

    [Fact]
    public async Task The_Nachnutzung_of_an_unknown_Leistung_is_not_found()
    {
        var refused = await Refused(_management.SetNachnutzungAsync(new SetNachnutzungRequest
        {
            OzgId = 99_999, Land = "BY", Zustand = NachnutzungZustand.Interessenbekundung, RequestId = Guid.NewGuid().ToString(),
        }).ResponseAsync);

        Assert.Equal(StatusCode.NotFound, refused.StatusCode);
        Assert.Contains("99999", refused.Status.Detail);
    }

    [Fact]
    public async Task A_Beschluss_with_two_priorities_for_one_target_is_invalid()
    {
        var refused = await Refused(_management.RecordBeschlussAsync(NewBeschluss(
            prioritaeten: [new() { OzgId = KnownData.ElterngeldOzgId, Prioritaet = Prioritaet.Hoch }, new() { OzgId = KnownData.ElterngeldOzgId, Prioritaet = Prioritaet.Niedrig }])).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, refused.StatusCode);
        Assert.Equal("prioritaeten[1]: prioritaeten[0] has the same target already; give each one priority.", refused.Status.Detail);
    }

    [Fact]
    public async Task A_Beschluss_setting_more_milestones_than_one_call_can_write_is_invalid_and_not_recorded()
    {
        var planned = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(400).ToString("yyyy-MM-dd");
        MeilensteinVorgabe EveryLeistungEverywhere(Umsetzungsphase phase) => new()
        {
            ThemenfeldIds = { Enumerable.Range(1, KnownData.Themenfelder) }, Phase = phase, AlleLaender = true, PlannedDate = planned,
        };
        var request = NewBeschluss(meilensteine: [EveryLeistungEverywhere(Umsetzungsphase.Pilotierung), EveryLeistungEverywhere(Umsetzungsphase.RollOut)]);

        var refused = await Refused(_management.RecordBeschlussAsync(request).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, refused.StatusCode);
        Assert.StartsWith("meilensteine: A Beschluss sets at most 10,000 milestones", refused.Status.Detail);
        var unknown = await Refused(_management.GetBeschlussAsync(new GetBeschlussRequest { Nummer = request.Nummer }).ResponseAsync);
        Assert.Equal(StatusCode.NotFound, unknown.StatusCode);
    }

    [Theory]
    [InlineData(long.MinValue)]
    [InlineData(-1)]
    public async Task A_page_token_of_the_changes_holding_a_negative_version_is_invalid(long cursor)
    {
        var token = OzgGrid.Gateway.Validation.PageToken.Encode($"changes-{KnownData.ElterngeldOzgId}", cursor);

        var refused = await Refused(_leistungen.ListLeistungChangesAsync(
            new ListLeistungChangesRequest { OzgId = KnownData.ElterngeldOzgId, PageSize = 5, PageToken = token }).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, refused.StatusCode);
        Assert.StartsWith("page_token: ", refused.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_page_token_beyond_the_newest_version_pages_from_the_newest_change_without_wrapping_around()
    {
        var token = OzgGrid.Gateway.Validation.PageToken.Encode($"changes-{KnownData.ElterngeldOzgId}", long.MaxValue);

        var first = await _leistungen.ListLeistungChangesAsync(new ListLeistungChangesRequest { OzgId = KnownData.ElterngeldOzgId, PageSize = 5 });
        var beyond = await _leistungen.ListLeistungChangesAsync(
            new ListLeistungChangesRequest { OzgId = KnownData.ElterngeldOzgId, PageSize = 5, PageToken = token });

        Assert.Equal(first.Changes.Select(c => c.Version), beyond.Changes.Select(c => c.Version));
    }

    private static RecordBeschlussRequest NewBeschluss(PrioritaetVorgabe[]? prioritaeten = null, MeilensteinVorgabe[]? meilensteine = null) => new()
    {
        Nummer = $"2026/{Random.Shared.Next(100_000_000, 999_999_999)}",
        RequestId = Guid.NewGuid().ToString(),
        Datum = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-1).ToString("yyyy-MM-dd"),
        Titel = "Test",
        Text = "Der IT-Planungsrat beschließt …",
        Prioritaeten = { prioritaeten ?? [] },
        Meilensteine = { meilensteine ?? [] },
    };

    private static Task<RpcException> Refused(Task call) => Assert.ThrowsAsync<RpcException>(() => call);
}
