using Grpc.Core;
using OzgGrid.Gateway.Validation;
using OzgGrid.Grains.Abstractions.Rollout;
using Proto = OzgGrid.Protos.V1;

namespace OzgGrid.Gateway.Tests.Validation;

public sealed class RolloutGuardTests
{
    [Theory]
    [InlineData("0500001", "exactly 8 digits")]
    [InlineData("05x00001", "exactly 8 digits")]
    [InlineData("050000011", "exactly 8 digits")]
    [InlineData("99000001", "no Land's code")]
    [InlineData("00000001", "no Land's code")]
    public void An_AGS_that_is_malformed_or_names_no_Land_is_refused_naming_the_field(string ags, string reason)
    {
        var error = Assert.Throws<RpcException>(() => RolloutGuard.Report(Report(ags), "entries[3]"));

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.StartsWith("entries[3].ags: ", error.Status.Detail, StringComparison.Ordinal);
        Assert.Contains(reason, error.Status.Detail);
    }

    [Fact]
    public void A_good_report_names_its_Land_by_the_first_two_digits_of_the_AGS()
    {
        var (ozgId, land, report) = RolloutGuard.Report(Report("16000042"), "report");

        Assert.Equal((10001, "TH"), (ozgId, land));
        Assert.Equal(new RolloutReport("16000042", KommuneVerfuegbarkeit.Online, 3), report);
    }

    [Theory]
    [InlineData(0, 3, Proto.KommuneVerfuegbarkeit.Online, "ozg_id")]
    [InlineData(10001, 5, Proto.KommuneVerfuegbarkeit.Online, "reifegrad")]
    [InlineData(10001, 3, Proto.KommuneVerfuegbarkeit.Unspecified, "verfuegbarkeit")]
    public void A_report_with_a_value_out_of_range_is_refused_naming_the_field(int ozgId, int reifegrad, Proto.KommuneVerfuegbarkeit verfuegbarkeit, string field)
    {
        var report = new Proto.RolloutReport { OzgId = ozgId, Ags = "05000001", Verfuegbarkeit = verfuegbarkeit, Reifegrad = reifegrad };

        var error = Assert.Throws<RpcException>(() => RolloutGuard.Report(report, "report"));

        Assert.StartsWith($"report.{field}: ", error.Status.Detail, StringComparison.Ordinal);
    }

    private static Proto.RolloutReport Report(string ags) =>
        new() { OzgId = 10001, Ags = ags, Verfuegbarkeit = Proto.KommuneVerfuegbarkeit.Online, Reifegrad = 3 };
}
