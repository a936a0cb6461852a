using System.Collections.Immutable;
using OzgGrid.Grains.Abstractions.Leistungen;
using OzgGrid.Grains.Abstractions.Rollout;

namespace OzgGrid.Grains.Rollout;

/// <summary>
/// The persisted state of a Leistung's rollout in one Land: which partitions of entries it has (each stored apart, see
/// <see cref="RolloutPartition"/>) and the Verfügbarkeit last written into the Leistung.
/// </summary>
[GenerateSerializer, Alias("ozg.LandRolloutState")]
public sealed record LandRolloutState
{
    /// <summary>
    /// Where releases before the partitions kept the latest entry of every Kommune (rewritten whole with each report);
    /// moved into the partitions on the first activation and empty from then on.
    /// </summary>
    [Id(0)]
    public ImmutableSortedDictionary<string, RolloutEntry> LegacyEntries { get; init; } = ImmutableSortedDictionary<string, RolloutEntry>.Empty;

    [Id(1)]
    public Verfuegbarkeit Published { get; init; } = Verfuegbarkeit.Keine;

    [Id(2)]
    public long Version { get; init; }

    /// <summary>Who reported last, as of the last write of this state: named as "changed by" when a retried write into the Leistung goes through later.</summary>
    [Id(3)]
    public string? LastReportedBy { get; init; }

    /// <summary>How many derived values went into the Leistung; numbers the request ids of those writes.</summary>
    [Id(4)]
    public long Publications { get; init; }

    /// <summary>The Kreise (first five digits of the AGS) that have a partition of entries.</summary>
    [Id(5)]
    public ImmutableSortedSet<int> Partitions { get; init; } = [];

    /// <summary>
    /// The value of a write into the Leistung begun and not known to have finished: the Leistung may hold it although
    /// <see cref="Published"/> does not say so (the state's write after it failed, or the silo died between the two).
    /// While set, the next publication writes whatever is derived then, even a value equal to <see cref="Published"/>.
    /// </summary>
    [Id(6)]
    public Verfuegbarkeit? Publishing { get; init; }
}
