using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Grpc.Net.Client;
using OzgGrid.Benchmarks.Hosting;
using OzgGrid.Benchmarks.Measurement;
using OzgGrid.Gateway.Identity;
using OzgGrid.Grains.Abstractions.Changes;
using OzgGrid.Grains.Abstractions.Kommunen;
using OzgGrid.Grains.Abstractions.Laender;
using OzgGrid.Grains.Abstractions.Leistungen;
using OzgGrid.Grains.Abstractions.Rollout;
using OzgGrid.Grains.Kommunen;
using OzgGrid.Protos.V1;
using Kommune = OzgGrid.Grains.Abstractions.Kommunen.Kommune;
using KommuneVerfuegbarkeit = OzgGrid.Grains.Abstractions.Rollout.KommuneVerfuegbarkeit;
using RolloutReport = OzgGrid.Grains.Abstractions.Rollout.RolloutReport;

namespace OzgGrid.Benchmarks.P4;

/// <summary>
/// P4: activates rollout entries on one silo with memory storage, level by level, and after each level measures the
/// process memory and the time of a programme summary read over gRPC. Entries are reported through the real write
/// path (the per-(Leistung, Land) grain, which has each entry grain apply and persist its report, counts it and writes
/// a changed Land Verfügbarkeit into the Leistung), but called through the grain client rather than gRPC, for speed.
/// </summary>
public sealed class P4ResidentRollout(P4Options options, TextWriter output)
{
    public const double TargetGiB = 4;
    public const double TargetReadMilliseconds = 50;
    private const int WarmupReads = 5;
    private const string Reporter = "p4-benchmark";
    private const double BytesPerGiB = 1024.0 * 1024 * 1024;

    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var machine = MachineInfo.Read();
        output.WriteLine($"P4 resident rollout grains; machine: {machine}");
        await using var host = await BenchmarkHost.StartAsync(StorageKind.Memory, cancellationToken);
        var grains = host.Services.GetRequiredService<IGrainFactory>();
        using var channel = host.ChannelFor(Roles.ProgrammManagement, Reporter);

        var leistungen = await RolloutSetup.ListLeistungenAsync(new LeistungService.LeistungServiceClient(channel));
        var registers = await RegisterKommunenAsync(grains);
        var kommunen = registers.Sum(r => r.Kommunen.Length);
        output.WriteLine(string.Create(Invariant,
            $"{leistungen.Count} Leistungen, {kommunen:N0} Kommunen in {registers.Count} Länder (the shipped registers of all 16 Länder); " +
            $"at most {(long)leistungen.Count * kommunen:N0} entries"));
        await RolloutSetup.RaiseReifegradAsync(grains, leistungen, Reporter);

        var results = new List<P4LevelResult> { await MeasureAsync(grains, channel, [], 0, 0, 0, 0, cancellationToken) };
        var rollouts = new List<(int OzgId, string Land)>();
        var available = (int)Math.Min(int.MaxValue, (long)leistungen.Count * kommunen);
        using var work = Work(leistungen, registers).GetEnumerator();
        var (active, refused, pending) = (0, 0, (Batch?)null);
        foreach (var level in options.Levels.Select(level => Math.Min(level, available)).Distinct())
        {
            var before = active;
            var started = Stopwatch.GetTimestamp();
            var batches = new List<Batch>();
            while (active < level)
            {
                var next = pending ?? (work.MoveNext() ? work.Current : throw new InvalidOperationException($"Fewer than {level} entries to activate."));
                var fits = Math.Min(next.Reports.Length, level - active);
                batches.Add(next with { Reports = next.Reports[..fits] });
                pending = fits < next.Reports.Length ? next with { Reports = next.Reports[fits..] } : null;
                active += fits;
                if (rollouts.Count == 0 || rollouts[^1] != (next.OzgId, next.Land))
                {
                    rollouts.Add((next.OzgId, next.Land));
                }
            }

            var refusedNow = 0;
            await Parallel.ForEachAsync(
                batches,
                new ParallelOptions { MaxDegreeOfParallelism = options.Parallelism, CancellationToken = cancellationToken },
                async (batch, _) =>
                {
                    var command = new WriteCommand($"p4-{Guid.NewGuid():N}", ExpectedVersion: null, Reporter);
                    var outcomes = await grains.GetGrain<ILandRolloutGrain>(RolloutKeys.Land(batch.OzgId, batch.Land)).ReportAsync(command, batch.Reports);
                    Interlocked.Add(ref refusedNow, outcomes.Count(o => o.Accepted is null));
                });
            refused += refusedNow;
            var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
            var result = await MeasureAsync(grains, channel, rollouts, level, level - before, refused, seconds, cancellationToken);
            results.Add(result);
            WriteLevel(result);
        }

        WriteSummary(machine, results);
        var last = results[^1];
        return last.Refused == 0 && last.CountedEntries == last.Entries ? 0 : 1;
    }

    private async Task<P4LevelResult> MeasureAsync(
        IGrainFactory grains, GrpcChannel channel, List<(int OzgId, string Land)> rollouts, int entries, int added, int refused, double seconds, CancellationToken cancellationToken)
    {
        var monitoring = new MonitoringService.MonitoringServiceClient(channel);
        var rolloutReads = new RolloutService.RolloutServiceClient(channel);
        var statistics = await grains.GetGrain<IManagementGrain>(0).GetSimpleGrainStatistics(cancellationToken);
        long Activations(string type) => statistics.Where(s => s.GrainType.Contains(type, StringComparison.Ordinal)).Sum(s => (long)s.ActivationCount);

        // Memory after a full compacting collection: what the resident grains hold, not garbage awaiting collection.
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        using var process = Process.GetCurrentProcess();
        process.Refresh();

        for (var i = 0; i < WarmupReads; i++)
        {
            await monitoring.GetProgrammeFiguresAsync(new GetProgrammeFiguresRequest(), cancellationToken: cancellationToken);
        }

        var ticks = new long[options.Reads];
        for (var i = 0; i < options.Reads; i++)
        {
            var started = Stopwatch.GetTimestamp();
            await monitoring.GetProgrammeFiguresAsync(new GetProgrammeFiguresRequest(), cancellationToken: cancellationToken);
            ticks[i] = Stopwatch.GetTimestamp() - started;
        }

        // A Land rollout's first page (its counts, derived Verfügbarkeit and 100 entries), of Land rollouts picked at random.
        var rolloutTicks = new long[rollouts.Count == 0 ? 0 : options.Reads];
        var random = new Random(entries);
        for (var i = 0; i < (rollouts.Count == 0 ? 0 : rolloutTicks.Length + WarmupReads); i++)
        {
            var (ozgId, land) = rollouts[random.Next(rollouts.Count)];
            var started = Stopwatch.GetTimestamp();
            await rolloutReads.GetRolloutAsync(new GetRolloutRequest { OzgId = ozgId, Land = land, PageSize = 100 }, cancellationToken: cancellationToken);
            if (i >= WarmupReads)
            {
                rolloutTicks[i - WarmupReads] = Stopwatch.GetTimestamp() - started;
            }
        }

        var counted = 0L;
        await Parallel.ForEachAsync(rollouts, new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = cancellationToken }, async (rollout, _) =>
            Interlocked.Add(ref counted, (await grains.GetGrain<ILandRolloutGrain>(RolloutKeys.Land(rollout.OzgId, rollout.Land)).GetAsync(null, 1)).ReportedEntries));

        return new P4LevelResult(
            entries,
            counted,
            added,
            Activations("RolloutEntryGrain"),
            Activations(nameof(Grains.Rollout.LandRolloutGrain)),
            refused,
            seconds,
            process.WorkingSet64 / BytesPerGiB,
            GC.GetTotalMemory(forceFullCollection: false) / BytesPerGiB,
            process.PeakWorkingSet64 / BytesPerGiB,
            LatencyStats.FromTicks(ticks, ticks.Length),
            LatencyStats.FromTicks(rolloutTicks, rolloutTicks.Length));
    }

    private void WriteLevel(P4LevelResult result) =>
        output.WriteLine(string.Create(Invariant,
            $"{result.Entries:N0} entries: {result.Added:N0} activated in {result.ActivationSeconds:F1} s ({Rate(result):N0}/s), " +
            $"{result.EntryActivations:N0} entry and {result.LandActivations:N0} Land grains resident, {result.Refused} refused; " +
            $"working set {result.WorkingSetGiB:F2} GiB (peak {result.PeakWorkingSetGiB:F2}), GC heap {result.GcHeapGiB:F2} GiB; " +
            $"summary read p50 {result.SummaryRead.P50:F2} ms, p99 {result.SummaryRead.P99:F2} ms; " +
            $"GetRollout p50 {result.RolloutRead.P50:F2} ms, p99 {result.RolloutRead.P99:F2} ms"));

    private void WriteSummary(MachineInfo machine, IReadOnlyList<P4LevelResult> results)
    {
        output.WriteLine();
        output.WriteLine("## P4 — resident rollout grains");
        output.WriteLine();
        output.WriteLine($"command: dotnet run -c Release --project benchmarks/OzgGrid.Benchmarks -- {options.ToArguments()}");
        output.WriteLine($"machine: {machine}");
        output.WriteLine("storage: memory, one silo, the host in this process; entries reported through the per-(Leistung, Land) grains via the grain client");
        output.WriteLine();
        output.WriteLine("| entries | added | activation of the added (s) | added/s | entry grains resident | Land grains | working set (GiB) | GC heap (GiB) | summary read p50 (ms) | p99 (ms) | max (ms) | GetRollout p50 (ms) | p99 (ms) | max (ms) |");
        output.WriteLine("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        foreach (var r in results)
        {
            output.WriteLine(string.Create(Invariant,
                $"| {r.Entries:N0} | {r.Added:N0} | {r.ActivationSeconds:F1} | {Rate(r):N0} | {r.EntryActivations:N0} | {r.LandActivations:N0} | {r.WorkingSetGiB:F2} | " +
                $"{r.GcHeapGiB:F2} | {r.SummaryRead.P50:F2} | {r.SummaryRead.P99:F2} | {r.SummaryRead.Max:F2} | {r.RolloutRead.P50:F2} | {r.RolloutRead.P99:F2} | {r.RolloutRead.Max:F2} |"));
        }

        var last = results[^1];
        var memoryMet = last.WorkingSetGiB <= TargetGiB && last.PeakWorkingSetGiB <= TargetGiB;
        var readMet = results.All(r => r.SummaryRead.P99 <= TargetReadMilliseconds && !(r.RolloutRead.P99 > TargetReadMilliseconds));
        output.WriteLine();
        output.WriteLine(string.Create(Invariant,
            $"memory target (≤ {TargetGiB} GiB at {last.Entries:N0}, peak {last.PeakWorkingSetGiB:F2} GiB): {(memoryMet ? "met" : "NOT met")}; " +
            $"summary and GetRollout read target (p99 ≤ {TargetReadMilliseconds} ms at every level): {(readMet ? "met" : "NOT met")}; " +
            $"refused entries: {last.Refused}; entries counted by the Land rollouts at the end: {last.CountedEntries:N0} of {last.Entries:N0} " +
            $"(entry grains resident: {last.EntryActivations:N0})"));
    }

    private static double Rate(P4LevelResult result) => result.ActivationSeconds > 0 ? result.Added / result.ActivationSeconds : 0;

    /// <summary>Every Land's shipped register (all 10,751 Gemeinden), as the silo loaded it on start.</summary>
    private static async Task<List<(string Land, ImmutableArray<Kommune> Kommunen)>> RegisterKommunenAsync(IGrainFactory grains)
    {
        var registers = new List<(string, ImmutableArray<Kommune>)>();
        foreach (var land in LaenderRegister.All)
        {
            registers.Add((land.Kuerzel, [.. (await grains.GetGrain<IKommunenRegisterGrain>(land.Kuerzel).GetAsync()).Kommunen.Values]));
        }

        return registers;
    }

    /// <summary>
    /// Every (Leistung, Kommune) pair, Leistung by Leistung and Land by Land, in batches. Even Leistungen go online in
    /// every Kommune (their Länder become flächendeckend); odd ones are piloted in every seventh.
    /// </summary>
    private IEnumerable<Batch> Work(List<int> leistungen, List<(string Land, ImmutableArray<Kommune> Kommunen)> registers)
    {
        for (var i = 0; i < leistungen.Count; i++)
        {
            foreach (var (land, kommunen) in registers)
            {
                for (var start = 0; start < kommunen.Length; start += options.BatchSize)
                {
                    var reports = kommunen.Skip(start).Take(options.BatchSize).Select((kommune, k) =>
                        RolloutSetup.IsPilot(i, start + k)
                            ? new RolloutReport(kommune.Ags, KommuneVerfuegbarkeit.Pilot, Reifegrad.FormularAssistent)
                            : new RolloutReport(kommune.Ags, KommuneVerfuegbarkeit.Online, Reifegrad.OnlineLeistung));
                    yield return new Batch(leistungen[i], land, [.. reports]);
                }
            }
        }
    }

    private sealed record Batch(int OzgId, string Land, ImmutableArray<RolloutReport> Reports);
}
