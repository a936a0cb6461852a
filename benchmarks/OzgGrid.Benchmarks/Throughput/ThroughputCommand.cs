using System.CommandLine;
using OzgGrid.Benchmarks.Hosting;

namespace OzgGrid.Benchmarks.Throughput;

/// <summary>`p1` and `p2`: the command line of <see cref="ThroughputBenchmark"/>.</summary>
public static class ThroughputCommand
{
    public static Command Create(ThroughputScenario scenario)
    {
        var callers = CommandOptions.Positive("--callers", "Concurrent closed-loop callers (each waits for its answer before its next call)", 64);
        var channels = CommandOptions.Positive("--channels", "GrpcChannels (HTTP/2 connections) the callers are spread over", 4);
        var seconds = CommandOptions.PositiveSeconds("--seconds", "Measured load per side and run", 10);
        var warmup = CommandOptions.PositiveSeconds("--warmup", $"Load before each measurement, not counted: at least this long (a fresh host tiers up its start-up code for some 5–7 s under load), then until the JIT is quiet (at most {ThroughputOptions.LongestWarmup.TotalSeconds} s)", 10);
        var runs = CommandOptions.Positive("--runs", "Runs, each with a fresh host and baseline; the summary gives the median of each figure", 3);
        var warmupRuns = CommandOptions.Positive("--warmup-runs", "Whole runs before the counted ones, printed but not counted (JIT warm-up)", 1, allowZero: true);
        var quick = CommandOptions.Quick();
        var historyBlob = new Option<bool>("--baseline-history-blob")
        {
            Description = "Experiment (p2): the baseline also uploads a blob of the size of OzgGrid's history blobs before each upsert, as OzgGrid does",
        };

        var command = new Command(scenario.Name, $"{scenario.Name.ToUpperInvariant()}: {scenario.Title}")
        {
            callers, channels, seconds, warmup, runs, warmupRuns, quick,
        };
        if (scenario.Storage == StorageKind.Azurite)
        {
            command.Options.Add(historyBlob);
        }

        command.SetAction(async (parsed, cancellationToken) =>
        {
            var options = new ThroughputOptions(
                parsed.GetValue(callers),
                parsed.GetValue(channels),
                parsed.GetValue(seconds),
                parsed.GetValue(warmup),
                parsed.GetValue(runs),
                parsed.GetValue(warmupRuns),
                Quick: false,
                parsed.GetValue(historyBlob));
            options = parsed.GetValue(quick) ? options.AsQuick() : options;
            var connectionString = scenario.Storage == StorageKind.Azurite ? BenchmarkHost.AzuriteConnectionString() : null;
            var results = await new ThroughputBenchmark(scenario, options, connectionString, Console.Out).RunAsync(cancellationToken);
            return results.All(run => run.OzgGrid.Failed == 0 && run.Baseline.Failed == 0) ? 0 : 1;
        });
        return command;
    }
}
