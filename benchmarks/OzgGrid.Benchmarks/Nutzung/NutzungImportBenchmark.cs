using System.Diagnostics;
using System.Globalization;
using Azure.Data.Tables;
using OzgGrid.Benchmarks.Hosting;
using OzgGrid.Benchmarks.Measurement;
using OzgGrid.Gateway.Identity;
using OzgGrid.Protos.V1;

namespace OzgGrid.Benchmarks.Nutzung;

/// <summary>
/// The usage import's throughput: the rows of NRW's Kommunen × months × Onlinedienste streamed as one ImportNutzung
/// over gRPC into a fresh host on Azurite (checked whole, then written per usage record), timed from the first message
/// to the answer; then the same rows as raw Azure.Data.Tables upserts (one entity per figure, transactions of 100 in
/// one partition per record, as many at once as the gateway writes records) into the same Azurite, in the same run.
/// </summary>
public sealed class NutzungImportBenchmark(string azuriteConnectionString, TextWriter output)
{
    private const string Subject = "benchmark-nutzung";
    private const int RowsPerMessage = 500;
    private const int TableBatch = 100;
    private const int Parallelism = 8;

    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public async Task RunAsync(int months, int onlinedienste, CancellationToken cancellationToken)
    {
        output.WriteLine($"nutzung --months {months} --onlinedienste {onlinedienste}");
        output.WriteLine($"machine: {MachineInfo.Read()}");
        var settings = new BenchmarkHostSettings(StorageKind.Azurite, azuriteConnectionString, ExtraArguments: ["--OzgGrid:Limits:NutzungZeilenProImport=5000000"]);
        await using var host = await BenchmarkHost.StartAsync(settings, cancellationToken);
        using var channel = host.ChannelFor(Roles.ProgrammManagement, Subject);
        var rows = await RowsAsync(channel, months, onlinedienste, cancellationToken);

        var grpc = Stopwatch.StartNew();
        using (var call = new NutzungService.NutzungServiceClient(channel).ImportNutzung(cancellationToken: cancellationToken))
        {
            var first = true;
            foreach (var chunk in rows.Chunk(RowsPerMessage))
            {
                await call.RequestStream.WriteAsync(new ImportNutzungRequest { RequestId = first ? Guid.NewGuid().ToString() : string.Empty, Rows = { chunk } }, cancellationToken);
                first = false;
            }

            await call.RequestStream.CompleteAsync();
            await call.ResponseAsync;
        }

        grpc.Stop();
        var raw = await RawAsync(rows, cancellationToken);
        var (grpcRate, rawRate) = (rows.Count / grpc.Elapsed.TotalSeconds, rows.Count / raw.TotalSeconds);
        output.WriteLine(string.Create(Invariant,
            $"{rows.Count} rows: ImportNutzung {grpc.Elapsed.TotalSeconds:F2} s ({grpcRate:F0} rows/s); raw Azure.Data.Tables {raw.TotalSeconds:F2} s ({rawRate:F0} rows/s); ratio {grpcRate / rawRate:F2}×"));
    }

    private static async Task<List<NutzungRow>> RowsAsync(Grpc.Net.Client.GrpcChannel channel, int months, int onlinedienste, CancellationToken cancellationToken)
    {
        var anbieter = $"bench-{Guid.NewGuid():N}"[..20];
        await new ItDienstleisterService.ItDienstleisterServiceClient(channel).RegisterItDienstleisterAsync(new RegisterItDienstleisterRequest
        {
            Id = anbieter, RequestId = Guid.NewGuid().ToString(), Name = anbieter, Laender = { "NW" }, Contact = "bench@example.org",
        }, cancellationToken: cancellationToken);
        var ids = new List<string>();
        for (var i = 0; i < onlinedienste; i++)
        {
            var id = $"od-bench-{i}";
            await new OnlinedienstService.OnlinedienstServiceClient(channel).RegisterOnlinedienstAsync(new RegisterOnlinedienstRequest
            {
                OnlinedienstId = id, RequestId = Guid.NewGuid().ToString(), Name = id, Url = $"https://{id}.example.org", AnbieterId = anbieter,
            }, cancellationToken: cancellationToken);
            ids.Add(id);
        }

        var kommunen = new List<string>();
        var token = string.Empty;
        do
        {
            var page = await new RolloutService.RolloutServiceClient(channel).ListKommunenAsync(
                new ListKommunenRequest { Land = "NW", PageSize = 500, PageToken = token }, cancellationToken: cancellationToken);
            kommunen.AddRange(page.Kommunen.Select(k => k.Ags));
            token = page.NextPageToken;
        }
        while (token.Length > 0);

        var thisMonth = new DateTime(DateTime.UtcNow.Year, DateTime.UtcNow.Month, 1, 0, 0, 0, DateTimeKind.Utc);
        return [.. from id in ids
                   from ags in kommunen
                   from back in Enumerable.Range(1, months)
                   select new NutzungRow { OnlinedienstId = id, Ags = ags, Monat = thisMonth.AddMonths(-back).ToString("yyyy-MM", Invariant), Transaktionen = Random.Shared.Next(1000) }];
    }

    private async Task<TimeSpan> RawAsync(List<NutzungRow> rows, CancellationToken cancellationToken)
    {
        var table = new TableServiceClient(azuriteConnectionString).GetTableClient($"benchnutzung{Guid.NewGuid():N}");
        await table.CreateAsync(cancellationToken);
        try
        {
            var timer = Stopwatch.StartNew();
            var partitions = rows.GroupBy(r => $"{r.OnlinedienstId}_NW_{r.Monat[..4]}").ToList();
            await Parallel.ForEachAsync(partitions, new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = cancellationToken }, async (partition, token) =>
            {
                foreach (var batch in partition.Chunk(TableBatch))
                {
                    await table.SubmitTransactionAsync(batch.Select(r => new TableTransactionAction(TableTransactionActionType.UpsertReplace,
                        new TableEntity(partition.Key, $"{r.Ags}-{r.Monat[5..]}") { ["Transaktionen"] = r.Transaktionen })), token);
                }
            });
            return timer.Elapsed;
        }
        finally
        {
            await table.DeleteAsync(CancellationToken.None);
        }
    }
}
