using System.CommandLine;
using OzgGrid.Benchmarks.Hosting;

namespace OzgGrid.Benchmarks.Nutzung;

/// <summary>`nutzung`: the command line of <see cref="NutzungImportBenchmark"/>.</summary>
public static class NutzungImportCommand
{
    public static Command Create()
    {
        var months = CommandOptions.Positive("--months", "Months per Kommune (NRW's registered Kommunen, back from last month)", 24);
        var onlinedienste = CommandOptions.Positive("--onlinedienste", "Onlinedienste, each with the same rows", 2);
        var command = new Command("nutzung", "Usage import: rows/s of one ImportNutzung stream into Azurite against raw Azure.Data.Tables transactions of the same rows")
        {
            months, onlinedienste,
        };
        command.SetAction(async (parsed, cancellationToken) =>
        {
            await new NutzungImportBenchmark(BenchmarkHost.AzuriteConnectionString(), Console.Out)
                .RunAsync(parsed.GetValue(months), parsed.GetValue(onlinedienste), cancellationToken);
            return 0;
        });
        return command;
    }
}
