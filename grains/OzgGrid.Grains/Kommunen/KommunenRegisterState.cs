using System.Collections.Immutable;
using OzgGrid.Grains.Abstractions.Changes;
using OzgGrid.Grains.Abstractions.Kommunen;
using OzgGrid.Grains.Changes;

namespace OzgGrid.Grains.Kommunen;

/// <summary>The persisted register of one Land; version 0 means nothing was ever imported.</summary>
[GenerateSerializer, Alias("ozg.KommunenRegisterState")]
public sealed record KommunenRegisterState
{
    [Id(0)]
    public ImmutableSortedDictionary<string, Kommune> Kommunen { get; init; } = ImmutableSortedDictionary<string, Kommune>.Empty;

    [Id(1)]
    public long Version { get; init; }

    [Id(2)]
    public ChangeStamp? LastChange { get; init; }

    /// <summary>The Leistungen with rollout entries in this Land, told of every change of the register.</summary>
    [Id(3)]
    public ImmutableSortedSet<int> RolloutLeistungen { get; init; } = [];

    /// <summary>The latest answered imports, so that a retry with the same request id gets the same answer.</summary>
    [Id(4)]
    public ImmutableArray<RecentWrite<KommunenImportResult>> RecentImports { get; init; } = [];
}
