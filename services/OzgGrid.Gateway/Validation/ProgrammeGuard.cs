using System.Globalization;
using OzgGrid.Grains.Abstractions.Dienstleister;
using OzgGrid.Grains.Abstractions.Laender;

namespace OzgGrid.Gateway.Validation;

/// <summary>Guard clauses for the fields of the programme-management API; each failure is INVALID_ARGUMENT naming the field.</summary>
public static class ProgrammeGuard
{
    public const int MaxNameLength = 200;
    public const int MaxDescriptionLength = 2_000;
    public const int MaxBeschlussTextLength = 10_000;
    public const int MaxListLength = 1_000;

    /// <summary>Lab and component ids: the same form as IT-Dienstleister ids (lower-case letters, digits, '-').</summary>
    public static string Id(string id, string field) =>
        ItDienstleisterRules.IsValidId(id)
            ? id
            : throw RequestGuard.Invalid(field, $"Required: lower-case letters, digits and '-', starting with a letter or digit, at most 63 characters, e.g. \"familie-kind\"; not {RequestGuard.Quote(id)}.");

    /// <summary>A Beschluss number such as "2022/23": year, slash, running number.</summary>
    public static string BeschlussNummer(string nummer, string field)
    {
        var parts = nummer.Split('/');
        var valid = parts.Length == 2 && parts[0].Length == 4 && parts[0].All(char.IsAsciiDigit)
            && parts[1].Length is > 0 and <= 9 && parts[1].All(char.IsAsciiDigit);
        return valid ? nummer : throw RequestGuard.Invalid(field, $"Required: a Beschluss number such as \"2022/23\", not {RequestGuard.Quote(nummer)}.");
    }

    public static string RequiredText(string text, string field, int maxLength)
    {
        var trimmed = RequestGuard.Text(text, field, maxLength);
        return trimmed.Length > 0 ? trimmed : throw RequestGuard.Invalid(field, "Required.");
    }

    /// <summary>The dates the programme plans and records: wide enough for any Beschluss and milestone.</summary>
    public static readonly DateOnly FirstDate = new(2000, 1, 1);

    public static readonly DateOnly LastDate = new(2099, 12, 31);

    /// <summary>A date as "YYYY-MM-DD" between <see cref="FirstDate"/> and <see cref="LastDate"/>.</summary>
    public static DateOnly Date(string text, string field)
    {
        if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            throw RequestGuard.Invalid(field, $"Required: a date as YYYY-MM-DD, not {RequestGuard.Quote(text)}.");
        }

        return date >= FirstDate && date <= LastDate
            ? date
            : throw RequestGuard.Invalid(field, $"Must lie between {FirstDate:yyyy-MM-dd} and {LastDate:yyyy-MM-dd}, not {date:yyyy-MM-dd}.");
    }

    /// <summary>An absolute http(s) link.</summary>
    public static string Link(string text, string field) =>
        text.Length <= MaxNameLength && Uri.TryCreate(text, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
            ? text
            : throw RequestGuard.Invalid(field, $"Required: an absolute http(s) link of at most {MaxNameLength} characters, not {RequestGuard.Quote(text)}.");

    /// <summary>The kürzel of a Land, or empty where the field may be left empty.</summary>
    public static string OptionalLand(string text, string field) => text.Length == 0 ? string.Empty : RequestGuard.Land(text, field);

    /// <summary>An AGS: 8 digits, the first two the code of a Land.</summary>
    public static string Ags(string text, string field) =>
        text.Length == 8 && text.All(char.IsAsciiDigit) && LaenderRegister.All.Any(l => l.Code == text[..2])
            ? text
            : throw RequestGuard.Invalid(field, $"Required: an AGS of 8 digits starting with the code of a Land, not {RequestGuard.Quote(text)}.");

    /// <summary>The resume cursor of the programme-management stream: an event's sequence, or null for none.</summary>
    public static long? ResumeCursor(string text) =>
        text.Length == 0 ? null
        : text.Length <= 19 && text.All(char.IsAsciiDigit) && long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var sequence)
            ? sequence
            : throw RequestGuard.Invalid("resume_cursor", $"Not a cursor of this stream: pass the sequence of the last event (or the cursor of the last heartbeat) unchanged, or leave it empty; not {RequestGuard.Quote(text)}.");
}
