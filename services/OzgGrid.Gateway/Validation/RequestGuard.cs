using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using OzgGrid.Grains.Abstractions.Changes;
using OzgGrid.Grains.Abstractions.Laender;
using OzgGrid.Grains.Abstractions.Leistungen;

namespace OzgGrid.Gateway.Validation;

/// <summary>Guard clauses for request fields; each failure is INVALID_ARGUMENT naming the field and what is allowed.</summary>
public static class RequestGuard
{
    public const int MaxRequestIdLength = 128;
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 500;

    /// <summary>Longest status message sent; a caller's input echoed back must not blow up the response headers.</summary>
    public const int MaxDetailLength = 500;

    public static RpcException Invalid(string field, string message) =>
        new(new Status(StatusCode.InvalidArgument, Limit($"{field}: {message}")));

    /// <summary>A caller's value as it may appear in a message: short, with control characters replaced.</summary>
    public static string Quote(string text)
    {
        const int shown = 40;
        var cut = text.Length > shown ? string.Concat(text.AsSpan(0, shown), "…") : text;
        return $"'{new string([.. cut.Select(c => char.IsControl(c) ? '?' : c)])}'";
    }

    public static string Limit(string detail) =>
        detail.Length <= MaxDetailLength ? detail : string.Concat(detail.AsSpan(0, MaxDetailLength - 1), "…");

    public static WriteCommand WriteCommand(string requestId, long? expectedVersion, string changedBy)
    {
        if (string.IsNullOrWhiteSpace(requestId) || requestId.Length > MaxRequestIdLength || HasControlCharacter(requestId))
        {
            throw Invalid("request_id", $"Required: a unique id for this change of 1–{MaxRequestIdLength} printable characters, e.g. a UUID.");
        }

        if (expectedVersion is < 0)
        {
            throw Invalid("expected_version", "Must not be negative.");
        }

        return new(requestId, expectedVersion, changedBy);
    }

    public static int OzgId(int ozgId, string field = "ozg_id") =>
        ozgId > 0 ? ozgId : throw Invalid(field, $"Required: a positive OZG-ID such as 10000, not {ozgId}.");

    public static int ThemenfeldId(int themenfeldId, string field = "themenfeld_id") =>
        themenfeldId > 0 ? themenfeldId : throw Invalid(field, $"Required: a Themenfeld key (1–14), not {themenfeldId}.");

    public static int LageId(int lageId, string field = "lage_id") =>
        lageId > 0 ? lageId : throw Invalid(field, $"Must be a positive Lage id (ListThemenfelder names them), not {lageId}.");

    public static int Reifegrad(int reifegrad, string field) =>
        Grains.Abstractions.Leistungen.Reifegrad.IsValid(reifegrad) ? reifegrad : throw Invalid(field, $"Must be 0–4, not {reifegrad}.");

    /// <summary>The kürzel of a Land given by kürzel or two-digit code.</summary>
    public static string Land(string text, string field) =>
        LaenderRegister.TryFind(text, out var land)
            ? land.Kuerzel
            : throw Invalid(field, $"Unknown Land {Quote(text)}: use a kürzel such as NW or a code such as 05.");

    public static int PageSize(int pageSize, string field = "page_size") => pageSize switch
    {
        0 => DefaultPageSize,
        > 0 and <= MaxPageSize => pageSize,
        _ => throw Invalid(field, $"Must be 1–{MaxPageSize} (0 means {DefaultPageSize}), not {pageSize}."),
    };

    /// <summary>Refuses lists longer than any sensible request needs.</summary>
    public static void ListSize(int count, int max, string field)
    {
        if (count > max)
        {
            throw Invalid(field, $"At most {max} entries, not {count}.");
        }
    }

    /// <summary>A moment given as a Timestamp (null when not set); one outside Timestamp's own range is refused.</summary>
    public static DateTimeOffset? Moment(Timestamp? timestamp, string field)
    {
        if (timestamp is null)
        {
            return null;
        }

        // 0001-01-01T00:00:00Z to 9999-12-31T23:59:59Z, as google.protobuf.Timestamp defines it.
        const long minSeconds = -62_135_596_800;
        const long maxSeconds = 253_402_300_799;
        return timestamp.Seconds is >= minSeconds and <= maxSeconds && timestamp.Nanos is >= 0 and <= 999_999_999
            ? timestamp.ToDateTimeOffset()
            : throw Invalid(field, "Not a valid moment: seconds must lie between 0001-01-01 and 9999-12-31 (UTC) and nanos between 0 and 999,999,999.");
    }

    public static string Text(string text, string field, int maxLength) =>
        text.Length <= maxLength ? text.Trim() : throw Invalid(field, $"At most {maxLength} characters.");

    /// <summary>A loop, not LINQ over the string: it runs on every write.</summary>
    private static bool HasControlCharacter(string text)
    {
        foreach (var character in text)
        {
            if (char.IsControl(character))
            {
                return true;
            }
        }

        return false;
    }
}
