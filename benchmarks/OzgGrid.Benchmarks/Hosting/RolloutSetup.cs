using OzgGrid.Grains.Abstractions.Changes;
using OzgGrid.Grains.Abstractions.Leistungen;
using OzgGrid.Protos.V1;

namespace OzgGrid.Benchmarks.Hosting;

/// <summary>What the rollout scenarios (P4, ingest) set up before they report: the catalogue's Leistungen, each able to be available.</summary>
public static class RolloutSetup
{
    /// <summary>The OZG-IDs of the loaded catalogue, over gRPC.</summary>
    public static async Task<List<int>> ListLeistungenAsync(LeistungService.LeistungServiceClient client)
    {
        var ozgIds = new List<int>();
        var token = string.Empty;
        do
        {
            var page = await client.ListLeistungenAsync(new ListLeistungenRequest { PageSize = 500, PageToken = token });
            ozgIds.AddRange(page.Leistungen.Select(l => l.OzgId));
            token = page.NextPageToken;
        }
        while (token.Length > 0);

        return ozgIds;
    }

    /// <summary>A Leistung must be above Reifegrad 0 to be available anywhere; set through the grain client, for speed.</summary>
    public static async Task RaiseReifegradAsync(IGrainFactory grains, IEnumerable<int> leistungen, string changedBy) =>
        await Parallel.ForEachAsync(leistungen, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (ozgId, _) =>
            await grains.GetGrain<ILeistungGrain>(ozgId).UpdateStatusAsync(
                new WriteCommand($"{changedBy}-reifegrad-{ozgId}", ExpectedVersion: null, changedBy), new LeistungStatusUpdate(Reifegrad.OnlineLeistung, null, null)));

    /// <summary>
    /// The Verfügbarkeit the scenarios report for the <paramref name="leistungIndex"/>-th Leistung in the
    /// <paramref name="kommuneIndex"/>-th Kommune of a Land: even Leistungen online everywhere (flächendeckend), odd ones
    /// piloted in every seventh Kommune.
    /// </summary>
    public static bool IsPilot(int leistungIndex, int kommuneIndex) => leistungIndex % 2 == 1 && kommuneIndex % 7 == 0;
}
