using System.Globalization;

namespace OzgGrid.Benchmarks.Throughput;

/// <summary>
/// The settings of a P1 or P2 benchmark: the same load generator for both sides. <paramref name="BaselineHistoryBlob"/>
/// (P2 only, an experiment): the baseline also uploads a history blob before each upsert, as OzgGrid does.
/// </summary>
public sealed record ThroughputOptions(
    int Callers,
    int Channels,
    double Seconds,
    double WarmupSeconds,
    int Runs,
    int WarmupRuns,
    bool Quick,
    bool BaselineHistoryBlob = false)
{
    /// <summary>The longest a warm-up waits for the JIT to go quiet, unless <see cref="WarmupSeconds"/> is longer.</summary>
    public static readonly TimeSpan LongestWarmup = TimeSpan.FromSeconds(30);

    /// <summary>
    /// The longest warm-up before a measurement: the warm-up lasts <see cref="WarmupSeconds"/>, and longer while the JIT is
    /// still busy with the fresh host (quick mode takes its warm-up as it is).
    /// </summary>
    public TimeSpan MaxWarmup => Quick ? TimeSpan.FromSeconds(WarmupSeconds) : TimeSpan.FromSeconds(Math.Max(WarmupSeconds, LongestWarmup.TotalSeconds));

    /// <summary>The settings of quick mode: one short run, just enough to see that the harness works.</summary>
    public ThroughputOptions AsQuick() => this with { Callers = 8, Channels = 2, Seconds = 1, WarmupSeconds = 0.5, Runs = 1, WarmupRuns = 0, Quick = true };

    /// <summary>The arguments that reproduce this benchmark, every setting spelled out.</summary>
    public string ToArguments(string scenario) => string.Create(
        CultureInfo.InvariantCulture,
        $"{scenario} --callers {Callers} --channels {Channels} --seconds {Seconds} --warmup {WarmupSeconds} --runs {Runs} --warmup-runs {WarmupRuns}") +
        (BaselineHistoryBlob ? " --baseline-history-blob" : string.Empty) + (Quick ? " (--quick)" : string.Empty);
}
