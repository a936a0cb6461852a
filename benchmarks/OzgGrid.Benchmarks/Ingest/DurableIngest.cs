using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using OzgGrid.Benchmarks.Hosting;
using OzgGrid.Benchmarks.Measurement;
using OzgGrid.Gateway.Identity;
using OzgGrid.Grains.Abstractions.Kommunen;
using OzgGrid.Grains.Kommunen;
using OzgGrid.Protos.V1;

namespace OzgGrid.Benchmarks.Ingest;

/// <summary>
/// P7 durable ingest (issue 19): one Land's rollout report (the catalogue's Leistungen × NW's Kommunen) through the public
/// gRPC API (<c>ReportRollouts</c>, batches as large as the API takes) into Azurite, and the same rows written raw
/// with batched table transactions into the same Azurite in the same run; then how long the Land's figures
/// (<c>GetRollout</c> and the programme summary) take to show the final count after the last acknowledged entry.
/// </summary>
public sealed class DurableIngest(IngestOptions options, TextWriter output)
{
    public const double TargetRatio = 0.5;
    public const double TargetLagSeconds = 5;
    private const string Reporter = "ingest-benchmark";
    private const string Land = "NW";

    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;
    private static readonly TimeSpan LagDeadline = TimeSpan.FromSeconds(60);

    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var machine = MachineInfo.Read();
        output.WriteLine($"P7 durable ingest (issue 19); machine: {machine}");
        await using var host = await BenchmarkHost.StartAsync(StorageKind.Azurite, cancellationToken);
        var grains = host.Services.GetRequiredService<IGrainFactory>();
        using var channel = host.ChannelFor(Roles.ProgrammManagement, Reporter);
        var leistungen = (await RolloutSetup.ListLeistungenAsync(new LeistungService.LeistungServiceClient(channel))).Take(options.Leistungen).ToList();
        await RolloutSetup.RaiseReifegradAsync(grains, leistungen, Reporter);
        var kommunen = (await grains.GetGrain<IKommunenRegisterGrain>(Land).GetAsync()).Kommunen.Keys.ToList();
        var entries = Entries(leistungen, kommunen);
        output.WriteLine(string.Create(Invariant, $"{leistungen.Count} Leistungen × {kommunen.Count} Kommunen of {Land} = {entries.Count:N0} entries"));

        var rawSeconds = await RawTableIngest.RunAsync(host.ConnectionString!, Land, entries, options.TransactionSize, options.Parallelism, cancellationToken);
        output.WriteLine(string.Create(Invariant, $"raw table transactions: {rawSeconds:F1} s ({entries.Count / rawSeconds:N0} rows/s)"));

        var cpu = CpuMeter.Start();
        var (ozgSeconds, refused, lastAck) = await ReportAsync(new RolloutService.RolloutServiceClient(channel), entries, cancellationToken);
        var (processCpu, machineCpu) = cpu.Stop();
        output.WriteLine(string.Create(Invariant,
            $"OzgGrid ReportRollouts: {ozgSeconds:F1} s ({entries.Count / ozgSeconds:N0} entries/s), {refused} refused; CPU this process {processCpu:F0} %, machine {machineCpu:F0} %"));

        var (rolloutLag, summaryLag) = await FiguresLagAsync(channel, leistungen, kommunen.Count, lastAck, cancellationToken);
        WriteSummary(machine, entries.Count, rawSeconds, ozgSeconds, refused, rolloutLag, summaryLag);
        var ratio = rawSeconds / ozgSeconds;
        return refused == 0 && ratio >= TargetRatio && rolloutLag <= TargetLagSeconds && summaryLag <= TargetLagSeconds ? 0 : 1;
    }

    private static List<IngestEntry> Entries(List<int> leistungen, List<string> kommunen)
    {
        var entries = new List<IngestEntry>(leistungen.Count * kommunen.Count);
        for (var i = 0; i < leistungen.Count; i++)
        {
            for (var k = 0; k < kommunen.Count; k++)
            {
                entries.Add(RolloutSetup.IsPilot(i, k)
                    ? new IngestEntry(leistungen[i], kommunen[k], KommuneVerfuegbarkeit.Pilot, 2)
                    : new IngestEntry(leistungen[i], kommunen[k], KommuneVerfuegbarkeit.Online, 3));
            }
        }

        return entries;
    }

    /// <summary>Reports every entry in batches; the seconds taken, the entries refused, and when the last was acknowledged.</summary>
    private async Task<(double Seconds, int Refused, long LastAck)> ReportAsync(
        RolloutService.RolloutServiceClient client, List<IngestEntry> entries, CancellationToken cancellationToken)
    {
        var refused = 0;
        var lastAck = 0L;
        var started = Stopwatch.GetTimestamp();
        await Parallel.ForEachAsync(
            entries.Chunk(options.BatchSize).Select((chunk, index) => (chunk, index)),
            new ParallelOptions { MaxDegreeOfParallelism = options.Parallelism, CancellationToken = cancellationToken },
            async (batch, token) =>
            {
                var request = new ReportRolloutsRequest { RequestId = $"ingest-{batch.index}" };
                request.Entries.AddRange(batch.chunk.Select(e => new RolloutReport { OzgId = e.OzgId, Ags = e.Ags, Verfuegbarkeit = e.Verfuegbarkeit, Reifegrad = e.Reifegrad }));
                var response = await client.ReportRolloutsAsync(request, cancellationToken: token);
                Interlocked.Add(ref refused, response.RefusedCount);
                InterlockedMax(ref lastAck, Stopwatch.GetTimestamp());
            });
        return (Stopwatch.GetElapsedTime(started).TotalSeconds, refused, lastAck);
    }

    /// <summary>
    /// Seconds from the last acknowledged entry until GetRollout of the last Leistung shows all its entries, and until
    /// the programme summary counts every even Leistung flächendeckend in the Land.
    /// </summary>
    private static async Task<(double Rollout, double Summary)> FiguresLagAsync(
        Grpc.Net.Client.GrpcChannel channel, List<int> leistungen, int kommunen, long lastAck, CancellationToken cancellationToken)
    {
        var rollouts = new RolloutService.RolloutServiceClient(channel);
        var monitoring = new MonitoringService.MonitoringServiceClient(channel);
        var flaechendeckend = (leistungen.Count + 1) / 2;
        var rolloutLag = await PollAsync(lastAck, async () =>
            (await rollouts.GetRolloutAsync(new GetRolloutRequest { OzgId = leistungen[^1], Land = Land, PageSize = 1 }, cancellationToken: cancellationToken)).ReportedEntries == kommunen);
        var summaryLag = await PollAsync(lastAck, async () =>
            (await monitoring.GetProgrammeFiguresAsync(new GetProgrammeFiguresRequest(), cancellationToken: cancellationToken)).Figures.Laender
                .Single(l => l.Land == Land).Flaechendeckend >= flaechendeckend);
        return (rolloutLag, summaryLag);
    }

    private static async Task<double> PollAsync(long since, Func<Task<bool>> done)
    {
        while (!await done())
        {
            if (Stopwatch.GetElapsedTime(since) > LagDeadline)
            {
                return double.PositiveInfinity;
            }

            await Task.Delay(20);
        }

        return Stopwatch.GetElapsedTime(since).TotalSeconds;
    }

    private static void InterlockedMax(ref long target, long value)
    {
        var current = Volatile.Read(ref target);
        while (value > current)
        {
            var seen = Interlocked.CompareExchange(ref target, value, current);
            if (seen == current)
            {
                return;
            }

            current = seen;
        }
    }

    private void WriteSummary(MachineInfo machine, int entries, double rawSeconds, double ozgSeconds, int refused, double rolloutLag, double summaryLag)
    {
        var ratio = rawSeconds / ozgSeconds;
        output.WriteLine();
        output.WriteLine("## P7 durable ingest (issue 19)");
        output.WriteLine();
        output.WriteLine($"command: ./ozg bench {options.ToArguments()}");
        output.WriteLine($"machine: {machine}");
        output.WriteLine("storage: Azurite (the bench Azurite), one silo, the host in this process; entries over gRPC ReportRollouts as the programme management");
        output.WriteLine();
        output.WriteLine("| entries | raw transactions (s) | rows/s | OzgGrid (s) | entries/s | ratio | refused | GetRollout final after last ack (s) | summary final (s) | all of Germany at this rate (min) |");
        output.WriteLine("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        output.WriteLine(string.Create(Invariant,
            $"| {entries:N0} | {rawSeconds:F1} | {entries / rawSeconds:N0} | {ozgSeconds:F1} | {entries / ozgSeconds:N0} | {ratio:F2}× | {refused} | {rolloutLag:F2} | {summaryLag:F2} | " +
            $"{557.0 * IngestOptions.GemeindenDe / (entries / ozgSeconds) / 60:F0} |"));
        output.WriteLine();
        output.WriteLine(string.Create(Invariant,
            $"ratio target (≥ {TargetRatio}×): {(ratio >= TargetRatio ? "met" : "NOT met")}; figures within {TargetLagSeconds} s of the last ack: " +
            $"{(rolloutLag <= TargetLagSeconds && summaryLag <= TargetLagSeconds ? "met" : "NOT met")}; all of Germany = 557 × {IngestOptions.GemeindenDe:N0} entries, at this rate"));
    }
}
