using System.Globalization;
using OzgGrid.Benchmarks.Measurement;

namespace OzgGrid.Benchmarks.P7;

/// <summary>Prints the figures of <see cref="P7WritesUnderReads"/>: each run as it ends, then the medians.</summary>
public static class P7Report
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static void WriteRun(TextWriter output, P7RunResult run, bool warmup)
    {
        output.WriteLine(string.Create(Invariant,
            $"run {run.Run}{(warmup ? " (warm-up run, not counted)" : string.Empty)}: Themenfeld {run.ThemenfeldId}, {run.Leistungen} Leistungen, load average {run.LoadAverage}"));
        output.WriteLine($"  writes alone      {Describe(run.WithoutReads)}");
        output.WriteLine($"  writes with reads {Describe(run.WithReads)}");
        if (run.WithReads.Reads is { } reads)
        {
            output.WriteLine(string.Create(Invariant,
                $"  reads {reads.Throughput:N0}/s ({reads.Figures:N0} programme figures as of, {reads.LeistungAsOf:N0} Leistung as of, {reads.Changes:N0} pages of changes; " +
                $"{reads.Failed} failed{(reads.FailureSummary.Length > 0 ? ": " + reads.FailureSummary : string.Empty)}); latency p50 {reads.Latency.P50:F1} ms, p99 {reads.Latency.P99:F1} ms"));
        }

        output.WriteLine(string.Create(Invariant, $"  write p99 with reads / alone {run.P99Ratio:F2}×"));
        output.WriteLine();
    }

    public static void WriteSummary(TextWriter output, P7Options options, MachineInfo machine, IReadOnlyList<P7RunResult> runs)
    {
        RunSeries.WriteSummaryHeading(output, "P7 — write latency under read load", runs.Count, options.ToArguments(), machine);
        output.WriteLine(string.Create(Invariant,
            $"load: {options.Rate} status updates/s paced open-loop on one Themenfeld's Leistungen; with reads: {options.Readers} closed-loop readers " +
            $"(monitoring token) taking in turn GetProgrammeFigures as of, GetLeistungAsOf, ListLeistungChanges (every page); all in the host's process"));
        output.WriteLine();

        var table = new MedianTable<P7RunResult>(output, runs, run => run.Run);
        table.WriteHeader();
        table.Row("write p50 / p99 alone (ms)", run => run.WithoutReads.Latency.P50, "F1", run => run.WithoutReads.Latency.P99);
        table.Row("write p50 / p99 with reads (ms)", run => run.WithReads.Latency.P50, "F1", run => run.WithReads.Latency.P99);
        table.Row("write p99 with reads / alone", run => run.P99Ratio, "F2");
        table.Row("writes applied alone / with reads", run => run.WithoutReads.Applied, "N0", run => run.WithReads.Applied);
        table.Row("writes failed / not sent, with reads", run => run.WithReads.Failed, "N0", run => run.WithReads.NotSent);
        table.Row("reads answered per second", run => run.WithReads.Reads?.Throughput ?? double.NaN, "N0");
        table.Row("read p50 / p99 (ms)", run => run.WithReads.Reads?.Latency.P50 ?? double.NaN, "F1", run => run.WithReads.Reads?.Latency.P99 ?? double.NaN);
        table.Row("CPU alone: process / machine (%)", run => run.WithoutReads.CpuProcessPercent, "F0", run => run.WithoutReads.CpuMachinePercent);
        table.Row("CPU with reads: process / machine (%)", run => run.WithReads.CpuProcessPercent, "F0", run => run.WithReads.CpuMachinePercent);
        output.WriteLine();

        var ratio = Median.Of(runs.Select(run => run.P99Ratio));
        var unclean = runs.Where(run => !run.Clean).Select(run => run.Run).ToList();
        var notes = unclean.Count == 0 ? string.Empty : $"; failures or no reads in runs {string.Join(", ", unclean)}";
        output.WriteLine(string.Create(Invariant,
            $"write p99 with reads / alone: median {ratio:F2}×{(options.Quick ? " (quick mode: not meaningful)" : string.Empty)}{notes}."));
    }

    private static string Describe(WritePhaseResult phase) => string.Create(Invariant,
        $"{phase.Applied:N0} of {phase.Scheduled:N0} applied ({phase.Failed} failed{(phase.FailureSummary.Length > 0 ? ": " + phase.FailureSummary : string.Empty)}, " +
        $"{phase.NotSent} not sent); latency p50 {phase.Latency.P50:F1} ms, p99 {phase.Latency.P99:F1} ms; " +
        $"CPU this process {phase.CpuProcessPercent:F0} %, machine {phase.CpuMachinePercent:F0} %");
}
