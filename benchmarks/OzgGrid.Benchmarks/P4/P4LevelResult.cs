using OzgGrid.Benchmarks.Measurement;

namespace OzgGrid.Benchmarks.P4;

/// <summary>What was measured once <see cref="Entries"/> rollout entries were resident.</summary>
public sealed record P4LevelResult(
    int Entries,
    long EntryActivations,
    long LandActivations,
    int Refused,
    double ActivationSeconds,
    double WorkingSetGiB,
    double GcHeapGiB,
    double PeakWorkingSetGiB,
    LatencyStats SummaryRead);
