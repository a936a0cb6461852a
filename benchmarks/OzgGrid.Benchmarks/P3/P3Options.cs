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
    bool Batched)
{
    /// <summary>The arguments that reproduce this benchmark, every setting spelled out.</summary>
    public string ToArguments() =>
        $"p3 --watchers {Watchers} --rate {Rate} --seconds {Seconds} --runs {Runs} --warmup-runs {WarmupRuns} --warmup {WarmupSeconds} --drain {DrainSeconds} " +
        $"--watchers-per-channel {WatchersPerChannel} --update-channels {UpdateChannels} --storage {Storage.ToString().ToLowerInvariant()} --batched {(Batched ? "true" : "false")}";
}
