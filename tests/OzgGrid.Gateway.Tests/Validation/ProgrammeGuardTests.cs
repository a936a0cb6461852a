using Grpc.Core;
using OzgGrid.Gateway.Validation;

namespace OzgGrid.Gateway.Tests.Validation;

public sealed class ProgrammeGuardTests
{
    [Theory]
    [InlineData("2022/23")]
    [InlineData("2026/1")]
    public void Beschluss_numbers_are_a_year_and_a_running_number(string nummer)
    {
        Assert.Equal(nummer, ProgrammeGuard.BeschlussNummer(nummer, "nummer"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("22/23")]
    [InlineData("2022-23")]
    [InlineData("2022/")]
    [InlineData("2022/23/1")]
    public void Other_beschluss_numbers_are_refused_naming_the_field(string nummer)
    {
        var error = Assert.Throws<RpcException>(() => ProgrammeGuard.BeschlussNummer(nummer, "nummer"));

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.StartsWith("nummer:", error.Status.Detail);
    }

    [Fact]
    public void Dates_are_read_as_year_month_day_only()
    {
        Assert.Equal(new DateOnly(2026, 12, 31), ProgrammeGuard.Date("2026-12-31", "planned_date"));
        Assert.StartsWith("planned_date:", Assert.Throws<RpcException>(() => ProgrammeGuard.Date("31.12.2026", "planned_date")).Status.Detail);
        Assert.StartsWith("planned_date:", Assert.Throws<RpcException>(() => ProgrammeGuard.Date("2026-02-30", "planned_date")).Status.Detail);
    }

    [Theory]
    [InlineData("https://example.org/blaupause", true)]
    [InlineData("http://intranet.example/x", true)]
    [InlineData("ftp://example.org/x", false)]
    [InlineData("/relative/path", false)]
    [InlineData("", false)]
    public void Links_must_be_absolute_http_or_https(string link, bool accepted)
    {
        if (accepted)
        {
            Assert.Equal(link, ProgrammeGuard.Link(link, "link"));
        }
        else
        {
            Assert.StartsWith("link:", Assert.Throws<RpcException>(() => ProgrammeGuard.Link(link, "link")).Status.Detail);
        }
    }

    [Theory]
    [InlineData("05315000", true)]
    [InlineData("01002000", true)]
    [InlineData("17000000", false)]
    [InlineData("0531500", false)]
    [InlineData("0531500x", false)]
    public void An_ags_has_eight_digits_starting_with_a_land_code(string ags, bool accepted)
    {
        if (accepted)
        {
            Assert.Equal(ags, ProgrammeGuard.Ags(ags, "kennung"));
        }
        else
        {
            Assert.Throws<RpcException>(() => ProgrammeGuard.Ags(ags, "kennung"));
        }
    }
}
