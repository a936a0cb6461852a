using Grpc.Core;
using OzgGrid.Protos.V1;
using OzgGrid.Silo.Tests.Hosting;

namespace OzgGrid.Silo.Tests;

/// <summary>The API semantics of writes, replays, versions, history and reads of Leistungen, on each store: <see cref="AzuriteLeistungServiceTests"/>, <see cref="Postgres.PostgresLeistungServiceTests"/>.</summary>
public abstract class LeistungServiceTests(GatewayFixture fixture)
{
    private readonly LeistungService.LeistungServiceClient _client = fixture.Leistungen;

    [Fact]
    public async Task GetLeistung_returns_the_catalogue_data_whole()
    {
        var response = await _client.GetLeistungAsync(new GetLeistungRequest { OzgId = KnownData.ElterngeldOzgId });

        var leistung = response.Leistung;
        Assert.Equal("Elterngeld", leistung.Name);
        Assert.Equal(26, leistung.LageId);
        Assert.Equal("Geburt", leistung.LageName);
        Assert.Equal(6, leistung.ThemenfeldId);
        Assert.Equal(4, leistung.LeikaLeistungen.Count);
        Assert.Contains(leistung.LeikaLeistungen, l => l.LeikaKey == "99041006000000" && l.Typ == "2/3");
        Assert.Equal(0, leistung.Status.Reifegrad);
        Assert.Equal(Umsetzungsphase.Vorbereitung, leistung.Status.Phase);
        Assert.Null(leistung.Zustaendigkeit);
        Assert.Equal(1, leistung.Version);
    }

    [Fact]
    public async Task GetLeistung_of_an_unknown_OZG_ID_is_NotFound()
    {
        var error = await Assert.ThrowsAsync<RpcException>(() => _client.GetLeistungAsync(new GetLeistungRequest { OzgId = 99999 }).ResponseAsync);

        Assert.Equal(StatusCode.NotFound, error.StatusCode);
        Assert.Contains("99999", error.Status.Detail);
    }

    [Fact]
    public async Task GetLeistung_without_an_OZG_ID_is_InvalidArgument_naming_the_field()
    {
        var error = await Assert.ThrowsAsync<RpcException>(() => _client.GetLeistungAsync(new GetLeistungRequest()).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.StartsWith("ozg_id", error.Status.Detail);
    }

    [Fact]
    public async Task An_accepted_status_update_is_answered_with_the_new_version_and_read_back()
    {
        var ozgId = fixture.TakeOzgId();

        var response = await _client.UpdateLeistungStatusAsync(new UpdateLeistungStatusRequest
        {
            OzgId = ozgId,
            RequestId = NewRequestId(),
            ExpectedVersion = 1,
            Reifegrad = 3,
            Phase = Umsetzungsphase.Pilotierung,
            Verfuegbarkeit = new LandVerfuegbarkeit { Land = "05", Verfuegbarkeit = Verfuegbarkeit.Pilot },
        });

        Assert.Equal(2, response.Version);
        Assert.Equal(TestHost.ManagementSubject, response.LastChange.ChangedBy);
        var read = (await _client.GetLeistungAsync(new GetLeistungRequest { OzgId = ozgId })).Leistung;
        Assert.Equal(2, read.Version);
        Assert.Equal(3, read.Status.Reifegrad);
        Assert.Equal(Umsetzungsphase.Pilotierung, read.Status.Phase);
        Assert.Equal(Verfuegbarkeit.Pilot, read.Status.Verfuegbarkeit["NW"]);
    }

    [Fact]
    public async Task A_retry_with_the_same_request_id_gets_the_same_answer_and_is_applied_once()
    {
        var ozgId = fixture.TakeOzgId();
        var request = new UpdateLeistungStatusRequest { OzgId = ozgId, RequestId = NewRequestId(), Reifegrad = 2 };

        var first = await _client.UpdateLeistungStatusAsync(request);
        var retry = await _client.UpdateLeistungStatusAsync(request);

        Assert.Equal(first, retry);
        var changes = await _client.ListLeistungChangesAsync(new ListLeistungChangesRequest { OzgId = ozgId });
        Assert.Single(changes.Changes, c => c.Kind == ChangeKind.Status);
    }

    [Fact]
    public async Task A_reused_request_id_for_another_change_is_InvalidArgument()
    {
        var ozgId = fixture.TakeOzgId();
        var requestId = NewRequestId();
        await _client.UpdateLeistungStatusAsync(new UpdateLeistungStatusRequest { OzgId = ozgId, RequestId = requestId, Reifegrad = 2 });

        var error = await Assert.ThrowsAsync<RpcException>(() => _client.UpdateLeistungStatusAsync(
            new UpdateLeistungStatusRequest { OzgId = ozgId, RequestId = requestId, Reifegrad = 4 }).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.StartsWith("request_id", error.Status.Detail);
    }

    [Fact]
    public async Task A_stale_expected_version_is_FailedPrecondition_naming_the_current_version()
    {
        var ozgId = fixture.TakeOzgId();
        await _client.UpdateLeistungStatusAsync(new UpdateLeistungStatusRequest { OzgId = ozgId, RequestId = NewRequestId(), Reifegrad = 1 });

        var error = await Assert.ThrowsAsync<RpcException>(() => _client.UpdateLeistungStatusAsync(new UpdateLeistungStatusRequest
        {
            OzgId = ozgId, RequestId = NewRequestId(), ExpectedVersion = 1, Reifegrad = 2,
        }).ResponseAsync);

        Assert.Equal(StatusCode.FailedPrecondition, error.StatusCode);
        Assert.Contains("current version is 2", error.Status.Detail);
        Assert.Equal("2", error.Trailers.GetValue("ozg-current-version"));
        var read = (await _client.GetLeistungAsync(new GetLeistungRequest { OzgId = ozgId })).Leistung;
        Assert.Equal(1, read.Status.Reifegrad);
    }

    [Theory]
    [InlineData(5, "reifegrad")]
    [InlineData(-1, "reifegrad")]
    public async Task A_Reifegrad_outside_0_to_4_is_InvalidArgument(int reifegrad, string field)
    {
        var error = await Assert.ThrowsAsync<RpcException>(() => _client.UpdateLeistungStatusAsync(new UpdateLeistungStatusRequest
        {
            OzgId = KnownData.ElterngeldOzgId, RequestId = NewRequestId(), Reifegrad = reifegrad,
        }).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.StartsWith(field, error.Status.Detail);
    }

    [Fact]
    public async Task Bad_input_is_refused_with_the_field_it_concerns()
    {
        async Task<RpcException> Refused(UpdateLeistungStatusRequest request) =>
            await Assert.ThrowsAsync<RpcException>(() => _client.UpdateLeistungStatusAsync(request).ResponseAsync);

        var noRequestId = await Refused(new() { OzgId = KnownData.ElterngeldOzgId, Reifegrad = 1 });
        var nothingToChange = await Refused(new() { OzgId = KnownData.ElterngeldOzgId, RequestId = NewRequestId() });
        var unknownLand = await Refused(new()
        {
            OzgId = KnownData.ElterngeldOzgId, RequestId = NewRequestId(),
            Verfuegbarkeit = new LandVerfuegbarkeit { Land = "XX", Verfuegbarkeit = Verfuegbarkeit.Pilot },
        });
        var unknownPhase = await Refused(new() { OzgId = KnownData.ElterngeldOzgId, RequestId = NewRequestId(), Phase = (Umsetzungsphase)42 });

        Assert.All([noRequestId, nothingToChange, unknownLand, unknownPhase], e => Assert.Equal(StatusCode.InvalidArgument, e.StatusCode));
        Assert.StartsWith("request_id", noRequestId.Status.Detail);
        Assert.StartsWith("reifegrad", nothingToChange.Status.Detail);
        Assert.StartsWith("verfuegbarkeit.land", unknownLand.Status.Detail);
        Assert.StartsWith("phase", unknownPhase.Status.Detail);
        var elterngeld = (await _client.GetLeistungAsync(new GetLeistungRequest { OzgId = KnownData.ElterngeldOzgId })).Leistung;
        Assert.Equal(1, elterngeld.Version);
    }

    [Fact]
    public async Task Availability_of_an_offline_Leistung_is_FailedPrecondition()
    {
        var ozgId = fixture.TakeOzgId();

        var error = await Assert.ThrowsAsync<RpcException>(() => _client.UpdateLeistungStatusAsync(new UpdateLeistungStatusRequest
        {
            OzgId = ozgId, RequestId = NewRequestId(),
            Verfuegbarkeit = new LandVerfuegbarkeit { Land = "BY", Verfuegbarkeit = Verfuegbarkeit.Flaechendeckend },
        }).ResponseAsync);

        Assert.Equal(StatusCode.FailedPrecondition, error.StatusCode);
        Assert.Contains("Reifegrad 0", error.Status.Detail);
    }

    [Fact]
    public async Task SetZustaendigkeit_replaces_the_ownership_and_validates_it()
    {
        var ozgId = fixture.TakeOzgId();

        var response = await _client.SetZustaendigkeitAsync(new SetZustaendigkeitRequest
        {
            OzgId = ozgId,
            RequestId = NewRequestId(),
            Zustaendigkeit = new Zustaendigkeit { Land = "hb", Efa = true, ItDienstleister = "dataport", NachnutzerLaender = { "SH", "02" } },
        });
        var refused = await Assert.ThrowsAsync<RpcException>(() => _client.SetZustaendigkeitAsync(new SetZustaendigkeitRequest
        {
            OzgId = ozgId,
            RequestId = NewRequestId(),
            Zustaendigkeit = new Zustaendigkeit { Bundesressort = "BMFSFJ", Efa = false, NachnutzerLaender = { "SH" } },
        }).ResponseAsync);

        Assert.Equal(2, response.Version);
        var read = (await _client.GetLeistungAsync(new GetLeistungRequest { OzgId = ozgId })).Leistung;
        Assert.Equal("HB", read.Zustaendigkeit.Land);
        Assert.True(read.Zustaendigkeit.Efa);
        Assert.Equal("dataport", read.Zustaendigkeit.ItDienstleister);
        Assert.Equal(["HH", "SH"], read.Zustaendigkeit.NachnutzerLaender);
        Assert.Equal(StatusCode.InvalidArgument, refused.StatusCode);
        Assert.StartsWith("zustaendigkeit.nachnutzer_laender", refused.Status.Detail);
    }

    [Fact]
    public async Task The_change_history_lists_every_accepted_change_newest_first_in_pages()
    {
        var ozgId = fixture.TakeOzgId();
        for (var reifegrad = 1; reifegrad <= 4; reifegrad++)
        {
            await _client.UpdateLeistungStatusAsync(new UpdateLeistungStatusRequest { OzgId = ozgId, RequestId = NewRequestId(), Reifegrad = reifegrad });
        }

        var first = await _client.ListLeistungChangesAsync(new ListLeistungChangesRequest { OzgId = ozgId, PageSize = 3 });
        var second = await _client.ListLeistungChangesAsync(new ListLeistungChangesRequest { OzgId = ozgId, PageSize = 3, PageToken = first.NextPageToken });

        Assert.Equal([5L, 4L, 3L], first.Changes.Select(c => c.Version));
        Assert.Equal([2L, 1L], second.Changes.Select(c => c.Version));
        Assert.Empty(second.NextPageToken);
        Assert.Equal(ChangeKind.Katalog, second.Changes[^1].Kind);
        var newest = first.Changes[0];
        Assert.Equal(TestHost.ManagementSubject, newest.ChangedBy);
        Assert.Equal(ChangeKind.Status, newest.Kind);
        Assert.Equal(new FieldChange { Field = "reifegrad", Before = "3", After = "4" }, Assert.Single(newest.Fields));
    }

    [Fact]
    public async Task ListLeistungen_pages_through_the_whole_catalogue_in_OZG_ID_order()
    {
        var seen = new List<int>();
        var token = string.Empty;
        do
        {
            var page = await _client.ListLeistungenAsync(new ListLeistungenRequest { PageSize = 200, PageToken = token });
            Assert.Equal(KnownData.Leistungen, page.TotalSize);
            seen.AddRange(page.Leistungen.Select(l => l.OzgId));
            token = page.NextPageToken;
        }
        while (token.Length > 0);

        Assert.Equal(KnownData.Leistungen, seen.Count);
        Assert.Equal(seen.Order(), seen);
        Assert.Equal(seen.Distinct().Count(), seen.Count);
    }

    [Fact]
    public async Task ListLeistungen_filters_by_Themenfeld_Lage_and_name()
    {
        var inThemenfeld = await _client.ListLeistungenAsync(new ListLeistungenRequest { ThemenfeldId = 6, PageSize = 500 });
        var inLage = await _client.ListLeistungenAsync(new ListLeistungenRequest { LageId = 26, PageSize = 500 });
        var byName = await _client.ListLeistungenAsync(new ListLeistungenRequest { NameContains = "eltern" });

        Assert.Equal(37, inThemenfeld.TotalSize);
        Assert.All(inThemenfeld.Leistungen, l => Assert.Equal(6, l.ThemenfeldId));
        Assert.Equal(11, inLage.TotalSize);
        Assert.All(inLage.Leistungen, l => Assert.Equal(26, l.LageId));
        Assert.Equal(["Elterngeld", "Elternunterhalt"], byName.Leistungen.Select(l => l.Name).Order());
    }

    [Fact]
    public async Task ListLeistungen_filters_by_Land_and_Reifegrad_from_the_current_status()
    {
        var ozgId = fixture.TakeOzgId();
        var name = (await _client.GetLeistungAsync(new GetLeistungRequest { OzgId = ozgId })).Leistung.Name;
        await _client.UpdateLeistungStatusAsync(new UpdateLeistungStatusRequest
        {
            OzgId = ozgId, RequestId = NewRequestId(), Reifegrad = 4,
            Verfuegbarkeit = new LandVerfuegbarkeit { Land = "TH", Verfuegbarkeit = Verfuegbarkeit.InMindestensEinerKommune },
        });

        var inThueringen = await _client.ListLeistungenAsync(new ListLeistungenRequest { Land = "TH", NameContains = name, PageSize = 500 });
        var flaechendeckend = await _client.ListLeistungenAsync(new ListLeistungenRequest
        {
            Land = "TH", MinVerfuegbarkeit = Verfuegbarkeit.Flaechendeckend, NameContains = name,
        });
        var reifegrad4 = await _client.ListLeistungenAsync(new ListLeistungenRequest { MinReifegrad = 4, MaxReifegrad = 4, PageSize = 500 });

        Assert.Contains(inThueringen.Leistungen, l => l.OzgId == ozgId);
        Assert.DoesNotContain(flaechendeckend.Leistungen, l => l.OzgId == ozgId);
        Assert.Contains(reifegrad4.Leistungen, l => l.OzgId == ozgId && l.Version == 2);
        Assert.All(reifegrad4.Leistungen, l => Assert.Equal(4, l.Status.Reifegrad));
    }

    [Fact]
    public async Task ListLeistungen_refuses_a_foreign_page_token_and_an_inverted_Reifegrad_range()
    {
        var changes = await _client.ListLeistungChangesAsync(new ListLeistungChangesRequest { OzgId = KnownData.ElterngeldOzgId, PageSize = 1 });
        var foreignToken = await Assert.ThrowsAsync<RpcException>(() =>
            _client.ListLeistungenAsync(new ListLeistungenRequest { PageToken = "bm90LWEtdG9rZW4" }).ResponseAsync);
        var inverted = await Assert.ThrowsAsync<RpcException>(() =>
            _client.ListLeistungenAsync(new ListLeistungenRequest { MinReifegrad = 3, MaxReifegrad = 1 }).ResponseAsync);

        Assert.Empty(changes.NextPageToken);
        Assert.Equal(StatusCode.InvalidArgument, foreignToken.StatusCode);
        Assert.StartsWith("page_token", foreignToken.Status.Detail);
        Assert.Equal(StatusCode.InvalidArgument, inverted.StatusCode);
        Assert.StartsWith("min_reifegrad", inverted.Status.Detail);
    }

    private static string NewRequestId() => Guid.NewGuid().ToString();
}
