using System.Globalization;

namespace OzgGrid.Benchmarks.Throughput;

/// <summary>The settings of a P1 or P2 benchmark: the same load generator for both sides.</summary>
public sealed record ThroughputOptions(
    int Callers,
    int Channels,
    double Seconds,
    double WarmupSeconds,
    int Runs,
    int WarmupRuns,
    bool Quick)
{
    /// <summary>The settings of quick mode: one short run, just enough to see that the harness works.</summary>
    public ThroughputOptions AsQuick() => this with { Callers = 8, Channels = 2, Seconds = 1, WarmupSeconds = 0.5, Runs = 1, WarmupRuns = 0, Quick = true };

    /// <summary>The arguments that reproduce this benchmark, every setting spelled out.</summary>
    public string ToArguments(string scenario) => string.Create(
        CultureInfo.InvariantCulture,
        $"{scenario} --callers {Callers} --channels {Channels} --seconds {Seconds} --warmup {WarmupSeconds} --runs {Runs} --warmup-runs {WarmupRuns}") +
        (Quick ? " (--quick)" : string.Empty);
}
