using System.Globalization;
using OzgGrid.Benchmarks.Measurement;

namespace OzgGrid.Benchmarks.P3;

/// <summary>Prints the figures of <see cref="P3MonitoringLatency"/>: each run as it ends, then the medians.</summary>
public static class P3Report
{
    public const double TargetP99Milliseconds = 100;
    public const int TargetWatchers = 100;
    public const double TargetRate = 2000;

    /// <summary>An achieved rate this close to the target counts as reaching it (the schedule ends with a partial tick).</summary>
    private const double RateTolerance = 0.98;

    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static void WriteRun(TextWriter output, P3RunResult run)
    {
        output.WriteLine(string.Create(Invariant, $"run {run.Run}: {run.Scheduled:N0} updates scheduled, {run.Applied:N0} applied " +
            $"({run.Unchanged} unchanged, {run.Failed} failed{Suffix(run.FailureSummary)}, {run.NotSent} not sent: every Leistung busy); " +
            $"achieved {run.AchievedRate:F0}/s; pacer lag p99 {run.PacerLag.P99:F1} ms, max {run.PacerLag.Max:F1} ms"));
        output.WriteLine($"  round trip (UpdateLeistungStatus) {Stats(run.RoundTrip)}");
        output.WriteLine($"  delivery (ack → watcher)          {Stats(run.Delivery)}");
        output.WriteLine(string.Create(Invariant, $"  ratio delivery/round trip: p50 {run.P50Ratio:F2}×, p99 {run.P99Ratio:F2}×"));
        output.WriteLine(string.Create(Invariant, $"  missing deliveries (not arrived within the drain time) {run.MissingDeliveries:N0} of {run.ExpectedDeliveries:N0}; " +
            $"arrived before the ack was seen {run.ArrivedBeforeAck:N0} (counted as 0 ms); duplicates {run.Duplicates}; " +
            $"delivered as ABGLEICH, not STATUS {run.DeliveredAsAbgleich:N0}; " +
            $"streams failed {run.FailedStreams}{Suffix(run.StreamFailures)}; resyncs {run.Resyncs}; drained {run.DrainSeconds:F2} s after the last ack"));
        output.WriteLine(string.Create(Invariant, $"  CPU during the measured load: this process {run.CpuProcessPercent:F0} %, whole machine {run.CpuMachinePercent:F0} % " +
            $"of {Environment.ProcessorCount} cores"));
        if (run.MissingDeliveries > 0 || run.FailedStreams > 0 || run.Resyncs > 0 || run.Duplicates > 0)
        {
            output.WriteLine(string.Create(Invariant, $"  !!! DELIVERY INCOMPLETE: {run.MissingDeliveries:N0} missing, {run.FailedStreams} streams failed, " +
                $"{run.Resyncs} resyncs, {run.Duplicates} duplicates — the latency figures above cover only what arrived !!!"));
        }

        output.WriteLine();
    }

    public static void WriteSummary(TextWriter output, P3Options options, MachineInfo machine, IReadOnlyList<P3RunResult> runs)
    {
        output.WriteLine($"## P3 — update → watcher latency: median of {runs.Count} runs");
        output.WriteLine();
        output.WriteLine($"command: dotnet run -c Release --project benchmarks/OzgGrid.Benchmarks -- {options.ToArguments()}");
        output.WriteLine($"machine: {machine}");
        output.WriteLine($"storage: {Describe(options)}; a fresh host per run, in the same process as the watchers and the load");
        output.WriteLine();

        var header = string.Join(" | ", runs.Select(run => $"run {run.Run}"));
        output.WriteLine($"| figure | median | {header} |");
        output.WriteLine($"| --- | ---: |{string.Concat(runs.Select(_ => " ---: |"))}");
        Row("updates acknowledged per second", run => run.AchievedRate, "F0");
        Row("round trip p50 (ms)", run => run.RoundTrip.P50, "F1");
        Row("round trip p99 (ms)", run => run.RoundTrip.P99, "F1");
        Row("delivery p50 (ms)", run => run.Delivery.P50, "F1");
        Row("delivery p90 (ms)", run => run.Delivery.P90, "F1");
        Row("delivery p99 (ms)", run => run.Delivery.P99, "F1");
        Row("delivery max (ms)", run => run.Delivery.Max, "F1");
        Row("p99 delivery / p99 round trip", run => run.P99Ratio, "F2");
        Row("deliveries measured", run => run.Delivery.Count, "N0");
        Row("missing deliveries (not arrived within --drain)", run => run.MissingDeliveries, "N0");
        Row("arrived before the ack was seen", run => run.ArrivedBeforeAck, "N0");
        Row("delivered as ABGLEICH instead of STATUS", run => run.DeliveredAsAbgleich, "N0");
        Row("pacer lag p99 (ms)", run => run.PacerLag.P99, "F1");
        Row("CPU, this process (% of all cores)", run => run.CpuProcessPercent, "F0");
        Row("CPU, whole machine (% of all cores)", run => run.CpuMachinePercent, "F0");
        output.WriteLine();
        output.WriteLine(Verdict(options, runs));
        return;

        void Row(string figure, Func<P3RunResult, double> value, string format)
        {
            var median = Median.Of(runs.Select(value));
            var cells = string.Join(" | ", runs.Select(run => value(run).ToString(format, Invariant)));
            output.WriteLine($"| {figure} | {median.ToString(format, Invariant)} | {cells} |");
        }
    }

    private static string Verdict(P3Options options, IReadOnlyList<P3RunResult> runs)
    {
        var p99 = Median.Of(runs.Select(run => run.Delivery.P99));
        var rate = Median.Of(runs.Select(run => run.AchievedRate));
        var target = string.Create(Invariant, $"target: delivery p99 ≤ {TargetP99Milliseconds} ms with {TargetWatchers} watchers at {TargetRate:N0} updates/s");
        var summary = string.Create(Invariant, $"median delivery p99 {p99:F1} ms, median achieved rate {rate:F0}/s");
        if (options.Quick)
        {
            return $"{target}: not judged in quick mode ({summary}).";
        }

        if (options.Watchers < TargetWatchers || options.Rate < TargetRate)
        {
            return $"{target}: not measured by these settings ({summary}).";
        }

        var reasons = new List<string>();
        if (!(p99 <= TargetP99Milliseconds))
        {
            reasons.Add("p99 above the target");
        }

        if (rate < RateTolerance * TargetRate)
        {
            reasons.Add("the update rate was not reached");
        }

        var incomplete = runs
            .Where(run => run.Failed > 0 || run.MissingDeliveries > 0 || run.Duplicates > 0 || run.FailedStreams > 0 || run.Resyncs > 0)
            .Select(run => run.Run)
            .ToList();
        if (incomplete.Count > 0)
        {
            reasons.Add($"updates failed or deliveries incomplete in runs {string.Join(", ", incomplete)}");
        }

        return reasons.Count == 0
            ? $"{target}: MET ({summary})."
            : $"{target}: NOT MET ({summary}; {string.Join("; ", reasons)}).";
    }

    private static string Describe(P3Options options) => options.Storage switch
    {
        Hosting.StorageKind.Memory => "memory (state kept in the silo's process: no storage I/O in the measurement)",
        _ => "azurite (Azure Table and Blob storage in Azurite on this machine)",
    };

    private static string Stats(LatencyStats stats) => string.Create(Invariant,
        $"p50 {stats.P50,6:F1} ms  p90 {stats.P90,6:F1} ms  p99 {stats.P99,6:F1} ms  max {stats.Max,7:F1} ms  (n = {stats.Count:N0})");

    private static string Suffix(string details) => details.Length == 0 ? string.Empty : $": {details}";
}
