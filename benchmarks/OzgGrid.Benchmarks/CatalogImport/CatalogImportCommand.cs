using System.CommandLine;
using OzgGrid.Benchmarks.Hosting;

namespace OzgGrid.Benchmarks.CatalogImport;

/// <summary>`p5`: the command line of <see cref="CatalogImportBenchmark"/>.</summary>
public static class CatalogImportCommand
{
    public static Command Create()
    {
        var runs = CommandOptions.Positive("--runs", "Runs, each on a fresh host and empty storage; the summary gives the medians", 5);
        var warmupRuns = CommandOptions.Positive("--warmup-runs", "Whole runs before the counted ones, printed but not counted (JIT warm-up)", 1, allowZero: true);
        var quick = CommandOptions.Quick();
        var command = new Command("p5", "P5: ImportCatalog of the shipped catalogue into empty Azurite storage, then again (which must change nothing)")
        {
            runs, warmupRuns, quick,
        };
        command.SetAction(async (parsed, cancellationToken) =>
        {
            var counts = parsed.GetValue(quick) ? RunCounts.QuickMode : new RunCounts(parsed.GetValue(runs), parsed.GetValue(warmupRuns), Quick: false);
            var results = await new CatalogImportBenchmark(counts, BenchmarkHost.AzuriteConnectionString(), Console.Out).RunAsync(cancellationToken);
            return results.All(run => run.SecondChangedNothing) ? 0 : 1;
        });
        return command;
    }
}
