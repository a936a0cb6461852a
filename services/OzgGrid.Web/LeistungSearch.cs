using Google.Protobuf;
using Grpc.Core;
using Microsoft.AspNetCore.Http;
using OzgGrid.Grains.Onlinedienste;
using OzgGrid.Protos.V1;

namespace OzgGrid.Web;

/// <summary>
/// The page's search over the catalogue: an OZG-ID or a 14-digit LeiKa key finds its Leistung, any text the Leistungen
/// whose name contains it. At most <see cref="Limit"/> results, exact hits first, then by OZG-ID; each found through the
/// gateway's reads (GetLeistung, ListLeistungen), so their policy and the anonymous view apply.
/// </summary>
public sealed class LeistungSearch(ProgrammeDashboardReads reads, LeikaKeys leikaKeys)
{
    public const int Limit = 20;

    /// <summary>Longer than any name of the catalogue: a longer query cannot match and is refused.</summary>
    public const int MaxQueryLength = 200;

    private const int LeikaKeyLength = 14;

    public async Task<IMessage> SearchAsync(string? query, HttpContext http)
    {
        var text = (query ?? string.Empty).Trim();
        if (text.Length is 0 or > MaxQueryLength)
        {
            throw new RpcException(new Status(StatusCode.InvalidArgument,
                $"Bitte einen Suchbegriff von 1 bis {MaxQueryLength} Zeichen angeben: Name, OZG-ID oder LeiKa-Schlüssel."));
        }

        var found = new ListLeistungenResponse();
        if (ExactOzgId(text) is { } ozgId && await SummaryOrNullAsync(ozgId, http) is { } exact)
        {
            found.Leistungen.Add(exact);
        }

        var named = await reads.LeistungenNamedAsync(text, Limit, http);
        found.Leistungen.Add(named.Leistungen.Where(l => found.Leistungen.All(f => f.OzgId != l.OzgId)).Take(Limit - found.Leistungen.Count));
        found.TotalSize = found.Leistungen.Count;
        return found;
    }

    /// <summary>The OZG-ID a query names: itself (digits, as the catalogue numbers them) or its LeiKa key's.</summary>
    private int? ExactOzgId(string text)
    {
        if (!text.All(char.IsAsciiDigit))
        {
            return null;
        }

        return text.Length == LeikaKeyLength ? leikaKeys.OzgIdOf(text)
            : text.Length < 10 ? int.Parse(text, System.Globalization.CultureInfo.InvariantCulture) : null;
    }

    private async Task<LeistungSummary?> SummaryOrNullAsync(int ozgId, HttpContext http)
    {
        try
        {
            var leistung = (await reads.LeistungOfAsync(ozgId, http)).Leistung;
            return new LeistungSummary
            {
                OzgId = leistung.OzgId, Name = leistung.Name, LageId = leistung.LageId, ThemenfeldId = leistung.ThemenfeldId,
                Status = leistung.Status, Version = leistung.Version,
            };
        }
        catch (RpcException notFound) when (notFound.StatusCode is StatusCode.NotFound or StatusCode.InvalidArgument)
        {
            return null;
        }
    }
}
