namespace OzgGrid.Benchmarks.P7;

/// <summary>One run of P7 on a fresh host: the same write load without and then with concurrent reads.</summary>
public sealed record P7RunResult(int Run, int ThemenfeldId, int Leistungen, WritePhaseResult WithoutReads, WritePhaseResult WithReads, string LoadAverage)
{
    /// <summary>Write p99 with reads as a multiple of the write p99 without.</summary>
    public double P99Ratio => WithoutReads.Latency.P99 > 0 ? WithReads.Latency.P99 / WithoutReads.Latency.P99 : double.NaN;

    /// <summary>Every write and read answered, none failed.</summary>
    public bool Clean => WithoutReads.Failed == 0 && WithReads.Failed == 0 && WithReads.Reads is { Failed: 0, Completed: > 0 };
}
