using System.Globalization;
using Grpc.Core;
using OzgGrid.Gateway.Mapping;
using OzgGrid.Gateway.Validation;
using OzgGrid.Grains.Abstractions.Catalog;
using OzgGrid.Grains.Abstractions.Leistungen;
using OzgGrid.Grains.Onlinedienste;
using OzgGrid.Protos.V1;

namespace OzgGrid.Gateway.Grpc;

/// <summary>
/// The search over the catalogue (the programme page's and ozgctl's): an OZG-ID or a 14-digit LeiKa key finds its
/// Leistung, any text the Leistungen whose name contains it. At most <see cref="Limit"/> results, the exact hit first,
/// then by OZG-ID.
/// </summary>
public sealed class SucheService(IGrainFactory grains, GrainReferenceCache<ILeistungGrain> leistungen, LeikaKeys leikaKeys)
    : Protos.V1.SucheService.SucheServiceBase
{
    public const int Limit = 20;

    /// <summary>Longer than any name of the catalogue: a longer query cannot match and is refused.</summary>
    public const int MaxQueryLength = 200;

    private const int LeikaKeyLength = 14;

    public override async Task<SucheLeistungenResponse> SucheLeistungen(SucheLeistungenRequest request, ServerCallContext context)
    {
        var text = request.Query.Trim();
        if (text.Length is 0 or > MaxQueryLength)
        {
            throw RequestGuard.Invalid("query", $"Bitte einen Suchbegriff von 1 bis {MaxQueryLength} Zeichen angeben: Name, OZG-ID oder LeiKa-Schlüssel.");
        }

        var found = new SucheLeistungenResponse();
        if (ExactOzgId(text) is { } ozgId && await SummaryOrNullAsync(ozgId) is { } exact)
        {
            found.Leistungen.Add(exact);
        }

        var query = new LeistungQuery(null, new LeistungFilter(NameContains: text), AfterOzgId: 0, Limit);
        var named = await grains.GetGrain<ICatalogQueryGrain>(ICatalogQueryGrain.Key).QueryLeistungenAsync(query);
        found.Leistungen.Add(named.Leistungen.Where(l => found.Leistungen.All(f => f.OzgId != l.OzgId))
            .Take(Limit - found.Leistungen.Count).Select(l => l.MapToProto()));
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
            : text.Length < 10 && int.Parse(text, CultureInfo.InvariantCulture) is > 0 and var id ? id : null;
    }

    /// <summary>Null for an OZG-ID the catalogue does not have (its grain holds no catalogue entry).</summary>
    private async Task<Protos.V1.LeistungSummary?> SummaryOrNullAsync(int ozgId) => (await leistungen.Get(ozgId).GetSummaryAsync())?.MapToProto();
}
