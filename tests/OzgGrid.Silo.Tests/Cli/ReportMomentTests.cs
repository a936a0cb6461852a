using OzgGrid.Cli;
using OzgGrid.Cli.Commands;

namespace OzgGrid.Silo.Tests.Cli;

public sealed class ReportMomentTests
{
    [Fact]
    public void A_day_means_its_end_in_UTC_so_that_its_own_changes_are_in_the_report()
    {
        var moment = ReportMoment.Parse("2026-06-30");

        Assert.Equal(new DateTimeOffset(2026, 7, 1, 0, 0, 0, TimeSpan.Zero).AddTicks(-1), moment);
    }

    [Fact]
    public void A_date_and_time_is_taken_as_given_and_without_a_zone_as_UTC()
    {
        Assert.Equal(new DateTimeOffset(2026, 6, 30, 10, 0, 0, TimeSpan.Zero), ReportMoment.Parse("2026-06-30T12:00:00+02:00"));
        Assert.Equal(new DateTimeOffset(2026, 6, 30, 12, 0, 0, TimeSpan.Zero), ReportMoment.Parse("2026-06-30T12:00:00"));
    }

    [Theory]
    [InlineData("01.02.2026")]
    [InlineData("02/01/2026")]
    [InlineData("30. Juni 2026")]
    public void Another_form_is_refused_not_guessed(string text)
    {
        var refused = Assert.Throws<CliException>(() => ReportMoment.Parse(text));

        Assert.Contains($"'{text}' is neither a day (YYYY-MM-DD)", refused.Message);
    }
}
