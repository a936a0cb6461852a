using System.Buffers.Text;
using System.Globalization;
using System.Text;

namespace OzgGrid.Gateway.Validation;

/// <summary>
/// Opaque page tokens: a cursor (the last key of a page) tagged with what it pages, so that a token of one list
/// is refused by another instead of silently paging wrong.
/// </summary>
public static class PageToken
{
    public static string Encode(string list, long cursor) =>
        Base64Url.EncodeToString(Encoding.UTF8.GetBytes($"{list}:{cursor.ToString(CultureInfo.InvariantCulture)}"));

    /// <summary>The cursor of <paramref name="token"/> (never negative), or null for the first page (an empty token).</summary>
    public static long? Decode(string token, string list, string field = "page_token")
    {
        if (string.IsNullOrEmpty(token))
        {
            return null;
        }

        try
        {
            var text = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(token));
            var prefix = list + ":";
            if (text.StartsWith(prefix, StringComparison.Ordinal)
                && long.TryParse(text.AsSpan(prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var cursor))
            {
                // Cursors (versions, ids, offsets, AGS) are never negative; NumberStyles.None refuses a sign, so a
                // forged long.MinValue or -1 cannot wrap around in the paging arithmetic behind it.
                return cursor;
            }
        }
        catch (FormatException)
        {
            // Falls through to the error below: the caller gets one clear message for every kind of bad token.
        }

        throw RequestGuard.Invalid(field, "Not a page token of this list; pass next_page_token of the previous response unchanged.");
    }
}
