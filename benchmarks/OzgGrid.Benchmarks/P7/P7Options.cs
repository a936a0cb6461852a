using System.Globalization;
using OzgGrid.Benchmarks.Hosting;

namespace OzgGrid.Benchmarks.P7;

/// <summary>
/// The settings of one <see cref="P7WritesUnderReads"/> benchmark. <paramref name="ThemenfeldId"/> 0: the Themenfeld
/// with the most Leistungen; <paramref name="HistoryChanges"/>: changes made per Leistung (on average) before the
/// measurement, so that history and as-of reads have sealed pages to read.
/// </summary>
public sealed record P7Options(
    double Rate,
    int Readers,
    int Seconds,
    int WarmupSeconds,
    int HistoryChanges,
    int ThemenfeldId,
    int Runs,
    int WarmupRuns,
    StorageKind Storage,
    bool Quick = false)
{
    /// <summary>A smoke test of the harness: a low rate, one reader, a second per phase, one run, no warm-up run.</summary>
    public P7Options AsQuick() => this with
    {
        Rate = 100, Readers = 1, Seconds = 1, WarmupSeconds = 1, HistoryChanges = 18, Runs = 1, WarmupRuns = 0, Quick = true,
    };

    /// <summary>The arguments that reproduce this benchmark, every setting spelled out.</summary>
    public string ToArguments() => string.Create(
        CultureInfo.InvariantCulture,
        $"{(Quick ? "(--quick) " : string.Empty)}p7 --rate {Rate} --readers {Readers} --seconds {Seconds} --warmup {WarmupSeconds} " +
        $"--history {HistoryChanges} --themenfeld {ThemenfeldId} --runs {Runs} --warmup-runs {WarmupRuns} --storage {Storage.ToString().ToLowerInvariant()}");
}
