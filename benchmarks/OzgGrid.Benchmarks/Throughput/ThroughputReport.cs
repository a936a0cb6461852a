using System.Globalization;
using OzgGrid.Benchmarks.Load;
using OzgGrid.Benchmarks.Measurement;

namespace OzgGrid.Benchmarks.Throughput;

/// <summary>Prints the figures of <see cref="ThroughputBenchmark"/>: each run as it ends, then the medians and the verdict.</summary>
public static class ThroughputReport
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static void WriteRun(TextWriter output, ThroughputRunResult run)
    {
        output.WriteLine($"  OzgGrid  {Describe(run.OzgGrid)}");
        output.WriteLine($"  baseline {Describe(run.Baseline)}");
        if (run.Floor is { } floor)
        {
            output.WriteLine($"  floor    {Describe(floor)}");
            output.WriteLine(string.Create(Invariant, $"  ratio OzgGrid / floor {run.FloorRatio:F3}×"));
        }

        output.WriteLine(string.Create(Invariant, $"  ratio OzgGrid / baseline {run.Ratio:F3}× (load average at the start of the run {run.LoadAverage})"));
        output.WriteLine();
    }

    public static void WriteSummary(TextWriter output, ThroughputScenario scenario, ThroughputOptions options, MachineInfo machine, IReadOnlyList<ThroughputRunResult> runs)
    {
        RunSeries.WriteSummaryHeading(output, $"{scenario.Name.ToUpperInvariant()} — {scenario.Title}", runs.Count, options.ToArguments(scenario.Name), machine);
        output.WriteLine($"baseline: {scenario.Baseline}{(options.BaselineHistoryBlob ? ", each after uploading a blob of the size of OzgGrid's history blobs (experiment)" : string.Empty)}");
        if (scenario.MeasuresFloor)
        {
            output.WriteLine("floor: the same host, gateway (authentication, interceptors, policy) and requests, an update being one call of a grain that does nothing");
        }

        output.WriteLine(string.Create(Invariant, $"warm-up: at least {options.WarmupSeconds} s, then until the JIT compiled fewer than {JitQuiet.MethodsPerSecond} methods in a second, at most {options.MaxWarmup.TotalSeconds} s"));
        output.WriteLine("allocated: bytes the whole process (host and load generator) allocated in the measured time per completed call");
        output.WriteLine($"load: {options.Callers} closed-loop callers over {options.Channels} HTTP/2 channels, the same generator for both sides, in the same process as the servers");
        output.WriteLine();

        var table = new MedianTable<ThroughputRunResult>(output, runs, run => run.Run);
        table.WriteHeader();
        table.Row("OzgGrid UpdateLeistungStatus calls/s", run => run.OzgGrid.Throughput, "N0");
        table.Row("baseline calls/s", run => run.Baseline.Throughput, "N0");
        table.Row("ratio OzgGrid / baseline", run => run.Ratio, "F3");
        table.Row("OzgGrid latency p50 / p99 (ms)", run => run.OzgGrid.Latency.P50, "F1", run => run.OzgGrid.Latency.P99);
        table.Row("baseline latency p50 / p99 (ms)", run => run.Baseline.Latency.P50, "F1", run => run.Baseline.Latency.P99);
        table.Row("OzgGrid allocated per call (bytes)", run => run.OzgGrid.AllocatedBytesPerCall, "N0");
        table.Row("baseline allocated per call (bytes)", run => run.Baseline.AllocatedBytesPerCall, "N0");
        if (scenario.MeasuresFloor)
        {
            table.Row("floor (one no-op grain call) calls/s", run => run.Floor!.Throughput, "N0");
            table.Row("ratio OzgGrid / floor", run => run.FloorRatio, "F3");
            table.Row("floor allocated per call (bytes)", run => run.Floor!.AllocatedBytesPerCall, "N0");
            table.Row("floor latency p50 / p99 (ms)", run => run.Floor!.Latency.P50, "F1", run => run.Floor!.Latency.P99);
        }

        table.Row("warm-up OzgGrid / baseline (s)", run => run.OzgGrid.Warmup.TotalSeconds, "F1", run => run.Baseline.Warmup.TotalSeconds);
        table.Row("methods JIT-compiled while measured OzgGrid / baseline", run => run.OzgGrid.JitMethods, "N0", run => run.Baseline.JitMethods);
        table.Row("GC paused OzgGrid / baseline (% of the time)", run => run.OzgGrid.GcPausePercent, "F1", run => run.Baseline.GcPausePercent);
        if (scenario.MeasuresFloor)
        {
            table.Row("floor: warm-up (s) / methods JIT-compiled while measured", run => run.Floor!.Warmup.TotalSeconds, "F1", run => run.Floor!.JitMethods);
            table.Row("floor: GC paused (% of the time) / gen2 collections", run => run.Floor!.GcPausePercent, "F1", run => run.Floor!.Collections.Gen2);
        }

        table.Row("failed calls OzgGrid / baseline", run => run.OzgGrid.Failed, "N0", run => run.Baseline.Failed);
        table.Row("CPU during OzgGrid: process / machine (%)", run => run.OzgGrid.CpuProcessPercent, "F0", run => run.OzgGrid.CpuMachinePercent);
        table.Row("CPU during baseline: process / machine (%)", run => run.Baseline.CpuProcessPercent, "F0", run => run.Baseline.CpuMachinePercent);
        output.WriteLine();
        output.WriteLine(Verdict(scenario, options, runs));
        if (scenario.FloorTargetRatio is { } floorTarget)
        {
            var floorRatio = Median.Of(runs.Select(run => run.FloorRatio));
            var judged = options.Quick ? "not judged in quick mode" : floorRatio >= floorTarget ? "MET" : "NOT MET";
            output.WriteLine(string.Create(Invariant, $"target: OzgGrid ≥ {floorTarget}× the floor: {judged} (median ratio {floorRatio:F3}×)."));
        }
    }

    private static string Verdict(ThroughputScenario scenario, ThroughputOptions options, IReadOnlyList<ThroughputRunResult> runs)
    {
        var ratio = Median.Of(runs.Select(run => run.Ratio));
        var target = string.Create(Invariant, $"target: OzgGrid ≥ {scenario.TargetRatio}× the baseline");
        var failed = runs.Where(run => run.OzgGrid.Failed > 0 || run.Baseline.Failed > 0).Select(run => run.Run).ToList();
        var notes = failed.Count == 0 ? string.Empty : $"; calls failed in runs {string.Join(", ", failed)}";
        if (options.BaselineHistoryBlob)
        {
            return string.Create(Invariant, $"{target}: not judged against this experiment's baseline (median ratio {ratio:F3}×{notes}).");
        }

        if (options.Quick)
        {
            return string.Create(Invariant, $"{target}: not judged in quick mode (median ratio {ratio:F3}×{notes}).");
        }

        return ratio >= scenario.TargetRatio && failed.Count == 0
            ? string.Create(Invariant, $"{target}: MET (median ratio {ratio:F3}×).")
            : string.Create(Invariant, $"{target}: NOT MET (median ratio {ratio:F3}×{notes}).");
    }

    private static string Describe(LoadResult load) => string.Create(Invariant,
        $"{load.Throughput,8:N0} calls/s ({load.Completed:N0} in {load.Seconds:F1} s, {load.Failed} failed{Suffix(load.FailureSummary)}); " +
        $"latency p50 {load.Latency.P50:F1} ms, p99 {load.Latency.P99:F1} ms; CPU this process {load.CpuProcessPercent:F0} %, machine {load.CpuMachinePercent:F0} %; " +
        $"allocated {load.AllocatedBytesPerCall:N0} bytes per call; warm-up {load.Warmup.TotalSeconds:F1} s{(load.JitQuiet ? string.Empty : " (JIT not yet quiet)")}, " +
        $"{load.JitMethods:N0} methods compiled while measured; GC {load.Collections.Gen0}/{load.Collections.Gen1}/{load.Collections.Gen2} (gen0/1/2), paused {load.GcPausePercent:F1} %");

    private static string Suffix(string details) => details.Length == 0 ? string.Empty : $": {details}";
}
