using System.Collections.Immutable;

namespace OzgGrid.Grains.Kommunen;

/// <summary>
/// The Leistungen with rollout entries in a Land, told of every change of its register. An index the register keeps
/// for the rollouts, not part of the register itself, so it is stored beside it and makes no version.
/// </summary>
[GenerateSerializer, Alias("ozg.KommunenRolloutIndex")]
public sealed record KommunenRolloutIndex
{
    [Id(0)]
    public ImmutableSortedSet<int> Leistungen { get; init; } = [];
}
