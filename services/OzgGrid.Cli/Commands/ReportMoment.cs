using System.Globalization;

namespace OzgGrid.Cli.Commands;

/// <summary>
/// The moment of `report --as-of`: a day (YYYY-MM-DD) means the end of that day in UTC, as a report "as of 30 June"
/// includes what happened on 30 June; anything else must be an ISO 8601 date and time. Other forms ("01.02.2026") are
/// refused rather than guessed.
/// </summary>
public static class ReportMoment
{
    public static DateTimeOffset Parse(string text)
    {
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            return new DateTimeOffset(day.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero).AddTicks(-1);
        }

        return text.Contains('T', StringComparison.Ordinal)
            && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var moment)
            ? moment
            : throw new CliException($"--as-of: '{text}' is neither a day (YYYY-MM-DD) nor an ISO 8601 date and time (2026-06-30T12:00:00Z)");
    }
}
