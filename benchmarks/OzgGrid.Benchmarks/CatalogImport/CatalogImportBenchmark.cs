using System.Diagnostics;
using System.Globalization;
using OzgGrid.Benchmarks.Hosting;
using OzgGrid.Benchmarks.Measurement;
using OzgGrid.Gateway.Identity;
using OzgGrid.Protos.V1;

namespace OzgGrid.Benchmarks.CatalogImport;

/// <summary>
/// P5: ImportCatalog of the shipped catalogue (data/catalog) over gRPC into a fresh host on empty Azurite storage
/// (the import on first start switched off), timed from the call to its answer; then a second import, and a storage
/// snapshot before it (once storage has settled) and after it shows what it wrote.
/// </summary>
public sealed class CatalogImportBenchmark(RunCounts counts, string azuriteConnectionString, TextWriter output)
{
    public const double TargetSeconds = 5;

    private const string Subject = "benchmark-p5";

    /// <summary>The catalogue grain's entity (row key "catalog"): every import records its report there, a second one too.</summary>
    private const string ImportRecordSuffix = "/catalog";

    /// <summary>
    /// Storage counts as settled when two snapshots this far apart are the same: longer than the programme aggregator's
    /// persist interval (OzgGrid:Monitoring:PersistInterval, 2 s), which writes its counters only every 2 s. It is given
    /// at most the timeout.
    /// </summary>
    private static readonly TimeSpan QuiescencePoll = TimeSpan.FromSeconds(3);

    private static readonly TimeSpan QuiescenceTimeout = TimeSpan.FromSeconds(30);

    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public async Task<IReadOnlyList<CatalogImportRunResult>> RunAsync(CancellationToken cancellationToken)
    {
        var machine = MachineInfo.Read();
        output.WriteLine($"P5: p5 {counts.ToArguments()}");
        output.WriteLine($"machine: {machine}");
        output.WriteLine();

        var runs = new List<CatalogImportRunResult>();
        foreach (var run in counts.Numbers)
        {
            var result = await RunOnceAsync(run, cancellationToken);
            output.WriteLine(string.Create(Invariant,
                $"run {run}{(run < 1 ? " (warm-up, not counted)" : string.Empty)}: first import {result.FirstSeconds:F2} s " +
                $"({result.FirstCreated} created, {result.FirstChanged} changed, {result.FirstUnchanged} unchanged); " +
                $"second import {result.SecondSeconds:F2} s ({result.SecondCreated} created, {result.SecondChanged} changed, {result.SecondUnchanged} unchanged); " +
                $"{result.StoredItems} items stored, of which the second import rewrote {result.ChangedBySecond.Count} besides its record" +
                $"{(result.ChangedBySecond.Count == 0 ? string.Empty : ": " + string.Join(", ", result.ChangedBySecond.Take(5)))}; " +
                $"CPU during the first import: this process {result.CpuProcessPercent:F0} %, machine {result.CpuMachinePercent:F0} %; load average {result.LoadAverage}"));
            if (run >= 1)
            {
                runs.Add(result);
            }
        }

        WriteSummary(machine, runs);
        return runs;
    }

    private async Task<CatalogImportRunResult> RunOnceAsync(int run, CancellationToken cancellationToken)
    {
        var loadAverage = MachineInfo.Read().LoadAverage;
        var settings = new BenchmarkHostSettings(
            StorageKind.Azurite,
            azuriteConnectionString,
            ExtraArguments: ["--OzgGrid:Catalog:ImportOnFirstStart=false"]);
        await using var host = await BenchmarkHost.StartAsync(settings, cancellationToken);
        using var channel = host.ChannelFor(Roles.ProgrammManagement, Subject);
        var catalog = new CatalogService.CatalogServiceClient(channel);
        var name = host.StorageName!;

        var cpu = CpuMeter.Start();
        var (first, firstSeconds) = await ImportAsync(catalog, $"p5-first-{run}-{Guid.NewGuid():N}", cancellationToken);
        var (cpuProcess, cpuMachine) = cpu.Stop();
        var before = await QuiescentSnapshotAsync(name, cancellationToken);
        var (second, secondSeconds) = await ImportAsync(catalog, $"p5-second-{run}-{Guid.NewGuid():N}", cancellationToken);
        var after = await StorageSnapshot.TakeAsync(azuriteConnectionString, name, name, cancellationToken);

        var changed = before.ChangedIn(after).Where(key => !key.EndsWith(ImportRecordSuffix, StringComparison.Ordinal)).ToList();
        return new CatalogImportRunResult(
            run,
            firstSeconds, first.LeistungenCreated, first.LeistungenChanged, first.LeistungenUnchanged,
            secondSeconds, second.LeistungenCreated, second.LeistungenChanged, second.LeistungenUnchanged,
            after.Items.Count, changed, cpuProcess, cpuMachine, loadAverage);
    }

    /// <summary>
    /// A snapshot once storage has stopped changing: the monitoring counts the first import's changes after it has
    /// answered (batcher, then the programme aggregator, whose recount may correct them, writes its counters every 2 s),
    /// and that write is not the second import's.
    /// </summary>
    private async Task<StorageSnapshot> QuiescentSnapshotAsync(string name, CancellationToken cancellationToken)
    {
        var startedAt = Stopwatch.GetTimestamp();
        var snapshot = await StorageSnapshot.TakeAsync(azuriteConnectionString, name, name, cancellationToken);
        while (Stopwatch.GetElapsedTime(startedAt) < QuiescenceTimeout)
        {
            await Task.Delay(QuiescencePoll, cancellationToken);
            var next = await StorageSnapshot.TakeAsync(azuriteConnectionString, name, name, cancellationToken);
            if (snapshot.ChangedIn(next).Count == 0)
            {
                return next;
            }

            snapshot = next;
        }

        return snapshot;
    }

    private static async Task<(Protos.V1.CatalogImport Report, double Seconds)> ImportAsync(
        CatalogService.CatalogServiceClient catalog, string requestId, CancellationToken cancellationToken)
    {
        var startedAt = Stopwatch.GetTimestamp();
        var response = await catalog.ImportCatalogAsync(new ImportCatalogRequest { RequestId = requestId }, cancellationToken: cancellationToken);
        return (response.Import, Stopwatch.GetElapsedTime(startedAt).TotalSeconds);
    }

    private void WriteSummary(MachineInfo machine, List<CatalogImportRunResult> runs)
    {
        output.WriteLine();
        output.WriteLine($"## P5 — import of the shipped catalogue into Azurite: median of {runs.Count} runs");
        output.WriteLine();
        output.WriteLine($"command: ./ozg bench p5 {counts.ToArguments()}");
        output.WriteLine($"machine: {machine}");
        output.WriteLine("storage: Azure Table and Blob storage in Azurite on this machine; a fresh host on empty storage per run, ImportCatalog over gRPC " +
            "(under the gateway's long call timeout, OzgGrid:Resilience:LongCallTimeout)");
        output.WriteLine();
        var header = string.Join(" | ", runs.Select(run => $"run {run.Run}"));
        output.WriteLine($"| figure | median | {header} |");
        output.WriteLine($"| --- | ---: |{string.Concat(runs.Select(_ => " ---: |"))}");
        Row("first import (s)", run => run.FirstSeconds.ToString("F2", Invariant), run => run.FirstSeconds);
        Row("Leistungen created by the first", run => run.FirstCreated.ToString(Invariant), run => run.FirstCreated);
        Row("second import (s)", run => run.SecondSeconds.ToString("F2", Invariant), run => run.SecondSeconds);
        Row("Leistungen created / changed / unchanged by the second",
            run => $"{run.SecondCreated} / {run.SecondChanged} / {run.SecondUnchanged}", run => run.SecondChanged + run.SecondCreated);
        Row("stored items rewritten by the second (besides its record)", run => run.ChangedBySecond.Count.ToString(Invariant), run => run.ChangedBySecond.Count);
        Row("CPU during the first: process / machine (%)",
            run => string.Create(Invariant, $"{run.CpuProcessPercent:F0} / {run.CpuMachinePercent:F0}"), run => run.CpuProcessPercent);
        output.WriteLine();

        var seconds = Median.Of(runs.Select(run => run.FirstSeconds));
        var nothing = runs.All(run => run.SecondChangedNothing);
        var target = string.Create(Invariant, $"target: first import ≤ {TargetSeconds} s, and a second import changes nothing");
        var summary = string.Create(Invariant, $"median first import {seconds:F2} s; second import changed nothing in {runs.Count(run => run.SecondChangedNothing)} of {runs.Count} runs");
        output.WriteLine(counts.Quick
            ? $"{target}: not judged in quick mode ({summary})."
            : $"{target}: {(seconds <= TargetSeconds && nothing ? "MET" : "NOT MET")} ({summary}).");
        return;

        // A figure of one number shows its median; a figure of several, the cells of the run nearest the median of the first.
        void Row(string figure, Func<CatalogImportRunResult, string> cell, Func<CatalogImportRunResult, double> value)
        {
            var median = Median.Of(runs.Select(value));
            var medianCell = cell(runs[0]).Contains('/', StringComparison.Ordinal)
                ? runs.OrderBy(run => Math.Abs(value(run) - median)).Select(cell).First()
                : median.ToString(figure.EndsWith("(s)", StringComparison.Ordinal) ? "F2" : "F0", Invariant);
            output.WriteLine($"| {figure} | {medianCell} | {string.Join(" | ", runs.Select(cell))} |");
        }
    }
}
