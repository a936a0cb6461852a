using OzgGrid.Benchmarks.Hosting;

namespace OzgGrid.Benchmarks.P3;

/// <summary>The settings of one <see cref="P3MonitoringLatency"/> benchmark.</summary>
public sealed record P3Options(
    int Watchers,
    double Rate,
    int Seconds,
    int Runs,
    int WarmupRuns,
    int WarmupSeconds,
    int DrainSeconds,
    int WatchersPerChannel,
    int UpdateChannels,
    StorageKind Storage,
    bool Batched,
    bool Quick = false)
{
    /// <summary>A smoke test of the harness: a few watchers at a low rate for a second, one run, no warm-up run.</summary>
    public P3Options AsQuick() => this with
    {
        Watchers = 10, Rate = 200, Seconds = 1, Runs = 1, WarmupRuns = 0, WarmupSeconds = 1, DrainSeconds = 15, WatchersPerChannel = 5, UpdateChannels = 2,
        Quick = true,
    };

    /// <summary>The arguments that reproduce this benchmark, every setting spelled out.</summary>
    public string ToArguments() =>
        (Quick ? "(--quick) " : string.Empty) +
        $"p3 --watchers {Watchers} --rate {Rate} --seconds {Seconds} --runs {Runs} --warmup-runs {WarmupRuns} --warmup {WarmupSeconds} --drain {DrainSeconds} " +
        $"--watchers-per-channel {WatchersPerChannel} --update-channels {UpdateChannels} --storage {Storage.ToString().ToLowerInvariant()} --batched {(Batched ? "true" : "false")}";
}
