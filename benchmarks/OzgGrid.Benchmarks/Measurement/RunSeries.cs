namespace OzgGrid.Benchmarks.Measurement;

/// <summary>The runs of a scenario: whole warm-up runs (numbered 0, -1, …) printed but not counted, then runs 1 … n.</summary>
public static class RunSeries
{
    /// <summary>Runs every run in turn, reports each as it ends (with whether it was a warm-up run) and returns the counted ones.</summary>
    public static async Task<IReadOnlyList<TResult>> RunAsync<TResult>(int runs, int warmupRuns, Func<int, Task<TResult>> runOnce, Action<TResult, bool> report)
    {
        var counted = new List<TResult>();
        for (var run = 1 - warmupRuns; run <= runs; run++)
        {
            var result = await runOnce(run);
            report(result, run < 1);
            if (run >= 1)
            {
                counted.Add(result);
            }
        }

        return counted;
    }

    /// <summary>The first lines of a scenario's output: what runs, with every setting, and on which machine.</summary>
    public static void WriteStart(TextWriter output, string scenario, string arguments, MachineInfo machine)
    {
        output.WriteLine($"{scenario}: {arguments}");
        output.WriteLine($"machine: {machine}");
        output.WriteLine();
    }

    /// <summary>The heading of a scenario's summary: the title, the command that reproduces it and the machine.</summary>
    public static void WriteSummaryHeading(TextWriter output, string title, int runs, string arguments, MachineInfo machine)
    {
        output.WriteLine($"## {title}: median of {runs} runs");
        output.WriteLine();
        output.WriteLine($"command: dotnet run -c Release --project benchmarks/OzgGrid.Benchmarks -- {arguments}");
        output.WriteLine($"machine: {machine}");
    }
}
