namespace OzgGrid.Benchmarks;

/// <summary>How many runs a scenario makes: <paramref name="WarmupRuns"/> printed but not counted, then <paramref name="Runs"/> counted.</summary>
public sealed record RunCounts(int Runs, int WarmupRuns, bool Quick)
{
    /// <summary>Quick mode: one run, no warm-up, to see that the harness works.</summary>
    public static readonly RunCounts QuickMode = new(1, 0, true);

    /// <summary>The run numbers: warm-up runs 0, -1, … first, then 1 … <see cref="Runs"/>.</summary>
    public IEnumerable<int> Numbers => Enumerable.Range(1 - WarmupRuns, Runs + WarmupRuns);

    public string ToArguments() => $"--runs {Runs} --warmup-runs {WarmupRuns}" + (Quick ? " (--quick)" : string.Empty);
}
