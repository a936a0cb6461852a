using OzgGrid.Protos.V1;

namespace OzgGrid.Benchmarks.Load;

public static class CatalogListing
{
    /// <summary>Every Leistung the host lists (all pages); throws if there is none, i.e. the catalogue did not load.</summary>
    public static async Task<List<LeistungSummary>> ListLeistungenAsync(LeistungService.LeistungServiceClient client, CancellationToken cancellationToken)
    {
        var leistungen = new List<LeistungSummary>();
        var request = new ListLeistungenRequest { PageSize = 500 };
        do
        {
            var page = await client.ListLeistungenAsync(request, cancellationToken: cancellationToken);
            leistungen.AddRange(page.Leistungen);
            request.PageToken = page.NextPageToken;
        }
        while (request.PageToken.Length > 0);

        return leistungen.Count > 0 ? leistungen : throw new InvalidOperationException("The host lists no Leistungen: the catalogue did not load.");
    }
}
