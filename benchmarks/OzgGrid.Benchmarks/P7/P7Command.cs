using System.CommandLine;
using OzgGrid.Benchmarks.Hosting;

namespace OzgGrid.Benchmarks.P7;

/// <summary>`p7`: the command line of <see cref="P7WritesUnderReads"/>.</summary>
public static class P7Command
{
    public static Command Create()
    {
        var rate = CommandOptions.Positive("--rate", "Status updates per second on the Themenfeld's Leistungen, paced open-loop", 200);
        var readers = CommandOptions.Positive("--readers", "Closed-loop readers (monitoring token) during the phase with reads", 2);
        var seconds = CommandOptions.Positive("--seconds", "Length of each measured phase (writes alone, writes with reads)", 10);
        var warmup = CommandOptions.Positive("--warmup", "Seconds of writes at the same rate before the measurement, not measured", 3, allowZero: true);
        var history = CommandOptions.Positive("--history", "Changes per Leistung (on average) made before the measurement, so that reads find sealed history pages", 40, allowZero: true);
        var themenfeld = CommandOptions.Positive("--themenfeld", "The Themenfeld whose Leistungen are written (0: the one with the most)", 0, allowZero: true);
        var runs = CommandOptions.Positive("--runs", "Runs, each on a fresh host; the summary gives the median of each figure", 3);
        var warmupRuns = CommandOptions.Positive("--warmup-runs", "Whole runs before the counted ones, printed but not counted (JIT warm-up)", 1, allowZero: true);
        var storage = new Option<StorageKind>("--storage")
        {
            Description = "Grain storage of the host: memory, or azurite (needs " + BenchmarkHost.AzuriteConnectionStringVariable + ")",
            DefaultValueFactory = _ => StorageKind.Memory,
        };
        var quick = CommandOptions.Quick();

        var command = new Command("p7", "Write latency under sustained status updates, with and without concurrent as-of and history reads")
        {
            rate, readers, seconds, warmup, history, themenfeld, runs, warmupRuns, storage, quick,
        };
        command.SetAction(async (parsed, cancellationToken) =>
        {
            var options = new P7Options(
                parsed.GetValue(rate),
                parsed.GetValue(readers),
                parsed.GetValue(seconds),
                parsed.GetValue(warmup),
                parsed.GetValue(history),
                parsed.GetValue(themenfeld),
                parsed.GetValue(runs),
                parsed.GetValue(warmupRuns),
                parsed.GetValue(storage));
            options = parsed.GetValue(quick) ? options.AsQuick() : options;
            var results = await new P7WritesUnderReads(options, Console.Out).RunAsync(cancellationToken);
            return results.All(run => run.Clean) ? 0 : 1;
        });
        return command;
    }
}
