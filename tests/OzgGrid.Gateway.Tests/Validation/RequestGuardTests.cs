using Grpc.Core;
using OzgGrid.Gateway.Validation;

namespace OzgGrid.Gateway.Tests.Validation;

public sealed class RequestGuardTests
{
    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("abc\n")]
    [InlineData("tab\there")]
    public void A_request_id_that_is_empty_blank_or_has_control_characters_is_refused(string requestId)
    {
        var error = Assert.Throws<RpcException>(() => RequestGuard.WriteCommand(requestId, null, "caller"));

        AssertInvalid(error, "request_id");
    }

    [Fact]
    public void A_request_id_longer_than_128_characters_is_refused()
    {
        var error = Assert.Throws<RpcException>(() => RequestGuard.WriteCommand(new string('r', 129), null, "caller"));

        AssertInvalid(error, "request_id");
    }

    [Fact]
    public void A_request_id_of_128_characters_is_taken_with_version_and_caller()
    {
        var requestId = new string('r', RequestGuard.MaxRequestIdLength);

        var command = RequestGuard.WriteCommand(requestId, 7, "it-nrw");

        Assert.Equal(requestId, command.RequestId);
        Assert.Equal(7, command.ExpectedVersion);
        Assert.Equal("it-nrw", command.ChangedBy);
    }

    [Fact]
    public void A_negative_expected_version_is_refused()
    {
        var error = Assert.Throws<RpcException>(() => RequestGuard.WriteCommand(Guid.NewGuid().ToString(), -1, "caller"));

        AssertInvalid(error, "expected_version");
    }

    [Theory]
    [InlineData(0, 50)]
    [InlineData(1, 1)]
    [InlineData(500, 500)]
    public void A_page_size_of_0_means_50_and_up_to_500_is_taken_as_given(int requested, int expected)
    {
        Assert.Equal(expected, RequestGuard.PageSize(requested));
    }

    [Theory]
    [InlineData(501)]
    [InlineData(-1)]
    public void A_page_size_outside_1_to_500_is_refused(int pageSize)
    {
        var error = Assert.Throws<RpcException>(() => RequestGuard.PageSize(pageSize));

        AssertInvalid(error, "page_size");
    }

    [Theory]
    [InlineData("NW", "NW")]
    [InlineData("nw", "NW")]
    [InlineData("05", "NW")]
    [InlineData(" by ", "BY")]
    [InlineData("16", "TH")]
    public void A_land_given_by_kuerzel_in_any_case_or_by_code_becomes_its_kuerzel(string given, string kuerzel)
    {
        Assert.Equal(kuerzel, RequestGuard.Land(given, "land"));
    }

    [Theory]
    [InlineData("XX")]
    [InlineData("")]
    [InlineData("5")]
    [InlineData("17")]
    [InlineData("Nordrhein-Westfalen")]
    public void An_unknown_land_is_refused_naming_the_field(string given)
    {
        var error = Assert.Throws<RpcException>(() => RequestGuard.Land(given, "verfuegbarkeit.land"));

        AssertInvalid(error, "verfuegbarkeit.land");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(4)]
    public void A_reifegrad_from_0_to_4_is_taken(int reifegrad)
    {
        Assert.Equal(reifegrad, RequestGuard.Reifegrad(reifegrad, "reifegrad"));
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(5)]
    public void A_reifegrad_outside_0_to_4_is_refused(int reifegrad)
    {
        var error = Assert.Throws<RpcException>(() => RequestGuard.Reifegrad(reifegrad, "min_reifegrad"));

        AssertInvalid(error, "min_reifegrad");
    }

    [Fact]
    public void An_ozg_id_or_themenfeld_id_that_is_not_positive_is_refused()
    {
        AssertInvalid(Assert.Throws<RpcException>(() => RequestGuard.OzgId(0)), "ozg_id");
        AssertInvalid(Assert.Throws<RpcException>(() => RequestGuard.ThemenfeldId(-3)), "themenfeld_id");
        Assert.Equal(10000, RequestGuard.OzgId(10000));
        Assert.Equal(14, RequestGuard.ThemenfeldId(14));
    }

    [Fact]
    public void A_text_longer_than_allowed_is_refused_and_a_shorter_one_trimmed()
    {
        AssertInvalid(Assert.Throws<RpcException>(() => RequestGuard.Text(new string('x', 201), "name_contains", 200)), "name_contains");
        Assert.Equal("Eltern", RequestGuard.Text(" Eltern ", "name_contains", 200));
    }

    private static void AssertInvalid(RpcException error, string field)
    {
        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.StartsWith($"{field}: ", error.Status.Detail, StringComparison.Ordinal);
    }
}
