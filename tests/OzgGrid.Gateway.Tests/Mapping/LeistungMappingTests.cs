using System.Collections.Immutable;
using Grpc.Core;
using OzgGrid.Gateway.Mapping;
using OzgGrid.Grains.Abstractions.Changes;
using OzgGrid.Grains.Abstractions.Leistungen;
using Proto = OzgGrid.Protos.V1;

namespace OzgGrid.Gateway.Tests.Mapping;

public sealed class LeistungMappingTests
{
    // --- UpdateLeistungStatusRequest ---

    [Fact]
    public void A_status_update_that_sets_nothing_is_refused()
    {
        var request = new Proto.UpdateLeistungStatusRequest { OzgId = 10000, RequestId = "r" };

        AssertInvalid(Assert.Throws<RpcException>(() => request.MapToDomain()), "reifegrad");
    }

    [Theory]
    [InlineData(7)]
    [InlineData(-1)]
    public void A_status_update_with_a_reifegrad_outside_0_to_4_is_refused(int reifegrad)
    {
        var request = new Proto.UpdateLeistungStatusRequest { OzgId = 10000, RequestId = "r", Reifegrad = reifegrad };

        AssertInvalid(Assert.Throws<RpcException>(() => request.MapToDomain()), "reifegrad");
    }

    [Fact]
    public void A_reifegrad_of_0_that_is_set_is_told_apart_from_one_not_set()
    {
        var request = new Proto.UpdateLeistungStatusRequest { Reifegrad = 0 };

        var update = request.MapToDomain();

        Assert.Equal(0, update.Reifegrad);
        Assert.Null(update.Phase);
        Assert.Null(update.Verfuegbarkeit);
    }

    [Fact]
    public void A_status_update_takes_phase_and_verfuegbarkeit_with_the_land_as_kuerzel()
    {
        var request = new Proto.UpdateLeistungStatusRequest
        {
            Phase = Proto.Umsetzungsphase.RollOut,
            Verfuegbarkeit = new Proto.LandVerfuegbarkeit { Land = "05", Verfuegbarkeit = Proto.Verfuegbarkeit.InMindestensEinerKommune },
        };

        var update = request.MapToDomain();

        Assert.Null(update.Reifegrad);
        Assert.Equal(Umsetzungsphase.RollOut, update.Phase);
        Assert.Equal(new LandVerfuegbarkeit("NW", Verfuegbarkeit.InMindestensEinerKommune), update.Verfuegbarkeit);
    }

    [Fact]
    public void A_verfuegbarkeit_for_an_unknown_land_is_refused()
    {
        var request = new Proto.UpdateLeistungStatusRequest
        {
            Verfuegbarkeit = new Proto.LandVerfuegbarkeit { Land = "XX", Verfuegbarkeit = Proto.Verfuegbarkeit.Pilot },
        };

        AssertInvalid(Assert.Throws<RpcException>(() => request.MapToDomain()), "verfuegbarkeit.land");
    }

    [Fact]
    public void A_verfuegbarkeit_without_a_value_is_refused()
    {
        var request = new Proto.UpdateLeistungStatusRequest { Verfuegbarkeit = new Proto.LandVerfuegbarkeit { Land = "NW" } };

        AssertInvalid(Assert.Throws<RpcException>(() => request.MapToDomain()), "verfuegbarkeit.verfuegbarkeit");
    }

    // --- Zuständigkeit ---

    [Fact]
    public void A_missing_zustaendigkeit_is_refused()
    {
        Proto.Zustaendigkeit? missing = null;

        AssertInvalid(Assert.Throws<RpcException>(() => missing.MapToDomain()), "zustaendigkeit");
    }

    [Fact]
    public void A_zustaendigkeit_without_umsetzende_stelle_is_refused()
    {
        var zustaendigkeit = new Proto.Zustaendigkeit { Efa = true, ItDienstleister = "Dataport" };

        AssertInvalid(Assert.Throws<RpcException>(() => zustaendigkeit.MapToDomain()), "zustaendigkeit.umsetzende_stelle");
    }

    [Fact]
    public void A_zustaendigkeit_names_its_laender_by_kuerzel_whichever_way_they_were_given()
    {
        var zustaendigkeit = new Proto.Zustaendigkeit
        {
            Land = "05",
            Efa = true,
            ItDienstleister = " IT.NRW ",
            NachnutzerLaender = { "by", "09", "HE" },
        };

        var domain = zustaendigkeit.MapToDomain();

        Assert.Equal(new UmsetzendeStelle(UmsetzendeStelleArt.Land, "NW"), domain.UmsetzendeStelle);
        Assert.True(domain.Efa);
        Assert.Equal("IT.NRW", domain.ItDienstleister);
        Assert.Equal<string>(["BY", "HE"], domain.NachnutzerLaender);
    }

    [Fact]
    public void A_zustaendigkeit_of_a_bundesressort_is_taken_trimmed()
    {
        var zustaendigkeit = new Proto.Zustaendigkeit { Bundesressort = " BMI ", ItDienstleister = "ITZBund" };

        var domain = zustaendigkeit.MapToDomain();

        Assert.Equal(new UmsetzendeStelle(UmsetzendeStelleArt.Bundesressort, "BMI"), domain.UmsetzendeStelle);
        Assert.False(domain.Efa);
        Assert.Empty(domain.NachnutzerLaender);
    }

    [Theory]
    [InlineData("XX", "HE", "zustaendigkeit.land")]
    [InlineData("NW", "XX", "zustaendigkeit.nachnutzer_laender")]
    public void A_zustaendigkeit_with_an_unknown_land_is_refused_naming_the_field(string land, string nachnutzer, string field)
    {
        var zustaendigkeit = new Proto.Zustaendigkeit { Land = land, Efa = true, NachnutzerLaender = { nachnutzer } };

        AssertInvalid(Assert.Throws<RpcException>(() => zustaendigkeit.MapToDomain()), field);
    }

    [Fact]
    public void A_zustaendigkeit_maps_to_proto_with_land_or_bundesressort_and_back()
    {
        var land = new Zustaendigkeit(new(UmsetzendeStelleArt.Land, "HB"), true, "Dataport", ["NI", "SH"]);
        var bund = new Zustaendigkeit(new(UmsetzendeStelleArt.Bundesressort, "BMG"), false, string.Empty, []);

        var landProto = land.MapToProto();
        var bundProto = bund.MapToProto();

        Assert.Equal(Proto.Zustaendigkeit.UmsetzendeStelleOneofCase.Land, landProto.UmsetzendeStelleCase);
        Assert.Equal(Proto.Zustaendigkeit.UmsetzendeStelleOneofCase.Bundesressort, bundProto.UmsetzendeStelleCase);
        Assert.True(land.SameAs(landProto.MapToDomain()));
        Assert.True(bund.SameAs(bundProto.MapToDomain()));
    }

    // --- Status and write results back to proto ---

    [Fact]
    public void A_write_result_maps_version_status_and_stamp_to_the_response()
    {
        var changedAt = new DateTimeOffset(2024, 5, 6, 7, 8, 9, TimeSpan.Zero);
        var status = new LeistungStatus(
            Reifegrad.OnlineLeistung,
            Umsetzungsphase.Pilotierung,
            new Dictionary<string, Verfuegbarkeit> { ["NW"] = Verfuegbarkeit.Pilot, ["BY"] = Verfuegbarkeit.Flaechendeckend }
                .ToImmutableSortedDictionary());
        var result = new LeistungWriteResult(10000, 4, status, null, new ChangeStamp("it-nrw", changedAt, "r-1"));

        var response = result.MapToStatusResponse();

        Assert.Equal(10000, response.OzgId);
        Assert.Equal(4, response.Version);
        Assert.Equal(3, response.Status.Reifegrad);
        Assert.Equal(Proto.Umsetzungsphase.Pilotierung, response.Status.Phase);
        Assert.Equal(Proto.Verfuegbarkeit.Pilot, response.Status.Verfuegbarkeit["NW"]);
        Assert.Equal(Proto.Verfuegbarkeit.Flaechendeckend, response.Status.Verfuegbarkeit["BY"]);
        Assert.Equal("it-nrw", response.LastChange.ChangedBy);
        Assert.Equal("r-1", response.LastChange.RequestId);
        Assert.Equal(changedAt, response.LastChange.ChangedAt.ToDateTimeOffset());
    }

    // --- ListLeistungenRequest filter ---

    [Fact]
    public void A_filter_with_min_reifegrad_above_max_reifegrad_is_refused()
    {
        var request = new Proto.ListLeistungenRequest { MinReifegrad = 3, MaxReifegrad = 2 };

        AssertInvalid(Assert.Throws<RpcException>(request.MapToFilter), "min_reifegrad");
    }

    [Fact]
    public void A_filter_with_min_reifegrad_equal_to_max_reifegrad_is_taken()
    {
        var filter = new Proto.ListLeistungenRequest { MinReifegrad = 2, MaxReifegrad = 2 }.MapToFilter();

        Assert.Equal(2, filter.MinReifegrad);
        Assert.Equal(2, filter.MaxReifegrad);
    }

    [Theory]
    [InlineData(5, null, "min_reifegrad")]
    [InlineData(null, -1, "max_reifegrad")]
    public void A_filter_reifegrad_outside_0_to_4_is_refused(int? min, int? max, string field)
    {
        var request = new Proto.ListLeistungenRequest();
        if (min is { } minimum)
        {
            request.MinReifegrad = minimum;
        }

        if (max is { } maximum)
        {
            request.MaxReifegrad = maximum;
        }

        AssertInvalid(Assert.Throws<RpcException>(request.MapToFilter), field);
    }

    [Fact]
    public void An_empty_request_filters_nothing_and_counts_a_land_from_pilot_on()
    {
        var filter = new Proto.ListLeistungenRequest().MapToFilter();

        Assert.Equal(new LeistungFilter(), filter);
        Assert.Equal(Verfuegbarkeit.Pilot, filter.MinVerfuegbarkeit);
        Assert.Null(filter.Land);
        Assert.Null(filter.LageId);
        Assert.Null(filter.MinReifegrad);
        Assert.Null(filter.MaxReifegrad);
        Assert.Null(filter.NameContains);
    }

    [Fact]
    public void A_filter_takes_lage_land_minimum_verfuegbarkeit_and_name()
    {
        var request = new Proto.ListLeistungenRequest
        {
            LageId = 26,
            Land = "nw",
            MinVerfuegbarkeit = Proto.Verfuegbarkeit.Flaechendeckend,
            NameContains = " Eltern ",
        };

        var filter = request.MapToFilter();

        Assert.Equal(new LeistungFilter(26, "NW", Verfuegbarkeit.Flaechendeckend, null, null, "Eltern"), filter);
    }

    [Fact]
    public void A_filter_for_an_unknown_land_is_refused()
    {
        var request = new Proto.ListLeistungenRequest { Land = "XX" };

        AssertInvalid(Assert.Throws<RpcException>(request.MapToFilter), "land");
    }

    private static void AssertInvalid(RpcException error, string field)
    {
        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.StartsWith($"{field}: ", error.Status.Detail, StringComparison.Ordinal);
    }
}
