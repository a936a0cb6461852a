using Grpc.Net.Client;
using OzgGrid.Benchmarks.Hosting;
using OzgGrid.Benchmarks.Load;
using OzgGrid.Benchmarks.Measurement;
using OzgGrid.Benchmarks.P3;
using OzgGrid.Gateway.Identity;
using OzgGrid.Protos.V1;

namespace OzgGrid.Benchmarks.P7;

/// <summary>
/// P7, writes under read load: status updates paced open-loop on the Leistungen of one Themenfeld, measured first
/// alone and then, on the same host, with closed-loop readers of a monitoring token asking for the programme figures
/// as of a past moment, one Leistung as of a past moment and a Leistung's change history. Per run: a fresh host, about
/// <see cref="P7Options.HistoryChanges"/> changes per Leistung (so the reads find sealed history pages), a warm-up,
/// then the two phases; the write p99 with reads over the write p99 without is the figure.
/// </summary>
public sealed class P7WritesUnderReads(P7Options options, TextWriter output)
{
    private const string WriterSubject = "benchmark-p7-writer";
    private const string ReaderSubject = "benchmark-p7-monitoring";

    /// <summary>How fast the history before the measurement is written (its updates are not measured).</summary>
    private const double HistoryRate = 1000;

    public async Task<IReadOnlyList<P7RunResult>> RunAsync(CancellationToken cancellationToken)
    {
        var machine = MachineInfo.Read();
        RunSeries.WriteStart(output, "P7", options.ToArguments(), machine);
        var runs = await RunSeries.RunAsync(
            options.Runs, options.WarmupRuns, run => RunOnceAsync(run, cancellationToken), (result, warmup) => P7Report.WriteRun(output, result, warmup));
        P7Report.WriteSummary(output, options, machine, runs);
        return runs;
    }

    private async Task<P7RunResult> RunOnceAsync(int run, CancellationToken cancellationToken)
    {
        var loadAverage = MachineInfo.Read().LoadAverage;
        await using var host = await BenchmarkHost.StartAsync(options.Storage, cancellationToken);
        var writerChannels = Channels(host, Roles.ProgrammManagement, WriterSubject, 2);
        var readerChannels = Channels(host, Roles.Monitoring, ReaderSubject, Math.Clamp(options.Readers, 1, 2));
        try
        {
            var writers = writerChannels.Select(channel => new LeistungService.LeistungServiceClient(channel)).ToList();
            var all = await CatalogListing.ListLeistungenAsync(writers[0], cancellationToken);
            var themenfeldId = options.ThemenfeldId > 0
                ? options.ThemenfeldId
                : all.GroupBy(leistung => leistung.ThemenfeldId).MaxBy(group => group.Count())!.Key;
            var leistungen = all.Where(leistung => leistung.ThemenfeldId == themenfeldId).ToList();
            if (leistungen.Count == 0)
            {
                throw new InvalidOperationException($"Themenfeld {themenfeldId} has no Leistungen.");
            }

            var pacer = new UpdatePacer(new LeistungPool(leistungen), writers, $"p7-{Guid.NewGuid():N}");
            var historyFrom = DateTimeOffset.UtcNow;
            var historyUpdates = options.HistoryChanges * leistungen.Count;
            if (historyUpdates > 0)
            {
                await pacer.RunAsync(HistoryRate, TimeSpan.FromSeconds(historyUpdates / HistoryRate), cancellationToken);
            }

            if (options.WarmupSeconds > 0)
            {
                await pacer.RunAsync(options.Rate, TimeSpan.FromSeconds(options.WarmupSeconds), cancellationToken);
            }

            var readers = new AsOfReaders(
                [.. readerChannels.Select(channel => (new MonitoringService.MonitoringServiceClient(channel), new LeistungService.LeistungServiceClient(channel)))],
                [.. leistungen.Select(leistung => leistung.OzgId)],
                historyFrom);
            var withoutReads = await PhaseAsync(pacer, null, cancellationToken);
            var withReads = await PhaseAsync(pacer, readers, cancellationToken);
            return new P7RunResult(run, themenfeldId, leistungen.Count, withoutReads, withReads, loadAverage);
        }
        finally
        {
            foreach (var channel in writerChannels.Concat(readerChannels))
            {
                channel.Dispose();
            }
        }
    }

    private async Task<WritePhaseResult> PhaseAsync(UpdatePacer pacer, AsOfReaders? readers, CancellationToken cancellationToken)
    {
        using var stopReads = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var reads = readers?.RunAsync(options.Readers, options.Quick ? 1 : 0, stopReads.Token);
        var cpu = CpuMeter.Start();
        var writes = await pacer.RunAsync(options.Rate, TimeSpan.FromSeconds(options.Seconds), cancellationToken);
        var (cpuProcess, cpuMachine) = cpu.Stop();
        await stopReads.CancelAsync();
        var applied = writes.Samples.Where(sample => sample.Outcome == UpdateOutcome.Applied).Select(sample => sample.AckedAt - sample.SentAt).ToArray();
        return new WritePhaseResult(
            LatencyStats.FromTicks(applied, applied.Length),
            writes.Scheduled,
            writes.Applied,
            writes.Failed,
            writes.NotSent,
            writes.FailureSummary,
            cpuProcess,
            cpuMachine,
            reads is null ? null : await reads);
    }

    private static List<GrpcChannel> Channels(BenchmarkHost host, string role, string subject, int count) =>
        [.. Enumerable.Range(0, count).Select(_ => host.ChannelFor(role, subject))];
}
