using System.CommandLine;
using OzgGrid.Benchmarks.Hosting;

namespace OzgGrid.Benchmarks.ColdStart;

/// <summary>`p6`: the command line of <see cref="ColdStartBenchmark"/>.</summary>
public static class ColdStartCommand
{
    public static Command Create()
    {
        var runs = CommandOptions.Positive("--runs", "Silo starts counted; the summary gives the medians", 5);
        var warmupRuns = CommandOptions.Positive("--warmup-runs", "Silo starts before the counted ones, printed but not counted (disk cache)", 1, allowZero: true);
        var quick = CommandOptions.Quick();
        var command = new Command("p6", "P6: silo process cold start (Azurite, catalogue imported) to the first successful gRPC answer")
        {
            runs, warmupRuns, quick,
        };
        command.SetAction(async (parsed, cancellationToken) =>
        {
            var counts = parsed.GetValue(quick) ? RunCounts.QuickMode : new RunCounts(parsed.GetValue(runs), parsed.GetValue(warmupRuns), Quick: false);
            await new ColdStartBenchmark(counts, BenchmarkHost.AzuriteConnectionString(), Console.Out).RunAsync(cancellationToken);
            return 0;
        });
        return command;
    }
}
