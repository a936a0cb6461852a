using OzgGrid.Benchmarks.Measurement;

namespace OzgGrid.Benchmarks.P4;

/// <summary>What was measured once <see cref="Entries"/> rollout entries were resident (<see cref="Added"/> of them activated for this level).</summary>
public sealed record P4LevelResult(
    int Entries,
    long CountedEntries,
    int Added,
    long EntryActivations,
    long LandActivations,
    int Refused,
    double ActivationSeconds,
    double WorkingSetGiB,
    double GcHeapGiB,
    double PeakWorkingSetGiB,
    LatencyStats SummaryRead,
    LatencyStats RolloutRead);
