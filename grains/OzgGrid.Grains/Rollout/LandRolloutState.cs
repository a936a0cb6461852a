using System.Collections.Immutable;
using OzgGrid.Grains.Abstractions.Leistungen;
using OzgGrid.Grains.Abstractions.Rollout;

namespace OzgGrid.Grains.Rollout;

/// <summary>
/// The persisted count of a Leistung's rollout in one Land: the latest entry of every reporting Kommune (by AGS) and
/// the Verfügbarkeit last written into the Leistung.
/// </summary>
[GenerateSerializer, Alias("ozg.LandRolloutState")]
public sealed record LandRolloutState
{
    [Id(0)]
    public ImmutableSortedDictionary<string, RolloutEntry> Entries { get; init; } = ImmutableSortedDictionary<string, RolloutEntry>.Empty;

    [Id(1)]
    public Verfuegbarkeit Published { get; init; } = Verfuegbarkeit.Keine;

    [Id(2)]
    public long Version { get; init; }

    /// <summary>Who reported last: named as "changed by" when a retried write into the Leistung goes through later.</summary>
    [Id(3)]
    public string? LastReportedBy { get; init; }

    /// <summary>How many derived values went into the Leistung; numbers the request ids of those writes.</summary>
    [Id(4)]
    public long Publications { get; init; }
}
