using System.Diagnostics;
using Azure.Data.Tables;

namespace OzgGrid.Benchmarks.Ingest;

/// <summary>
/// The baseline of the ingest: the same rows written straight into a fresh table of the same Azurite with
/// Azure.Data.Tables, in transactions of up to 100 entities (one partition per (Leistung, Land), as a transaction needs),
/// as many transactions under way at once as the OzgGrid side has calls.
/// </summary>
public static class RawTableIngest
{
    /// <summary>The seconds from the first transaction sent until the last answered.</summary>
    public static async Task<double> RunAsync(
        string connectionString, string land, IReadOnlyList<IngestEntry> entries, int transactionSize, int parallelism, CancellationToken cancellationToken)
    {
        var table = new TableServiceClient(connectionString).GetTableClient($"ingestraw{Guid.NewGuid():N}");
        await table.CreateAsync(cancellationToken);
        try
        {
            var at = DateTimeOffset.UtcNow;
            var transactions = entries
                .GroupBy(e => e.OzgId)
                .SelectMany(leistung => leistung.Chunk(transactionSize))
                .Select(chunk => chunk.Select(e => new TableTransactionAction(TableTransactionActionType.UpsertReplace, new TableEntity($"{e.OzgId}-{land}", e.Ags)
                {
                    ["Verfuegbarkeit"] = (int)e.Verfuegbarkeit,
                    ["Reifegrad"] = e.Reifegrad,
                    ["Version"] = 1L,
                    ["ChangedBy"] = "ingest-benchmark",
                    ["RequestId"] = $"raw/{e.OzgId}/{e.Ags}",
                    ["At"] = at,
                })).ToList())
                .ToList();
            var started = Stopwatch.GetTimestamp();
            await Parallel.ForEachAsync(transactions, new ParallelOptions { MaxDegreeOfParallelism = parallelism, CancellationToken = cancellationToken },
                async (actions, token) => await table.SubmitTransactionAsync(actions, token));
            return Stopwatch.GetElapsedTime(started).TotalSeconds;
        }
        finally
        {
            await table.DeleteAsync(CancellationToken.None);
        }
    }
}
