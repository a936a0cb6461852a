using System.Collections.Immutable;

namespace OzgGrid.Grains.Beschluesse;

[GenerateSerializer, Alias("ozg.BeschlussDirectoryState")]
public sealed record BeschlussDirectoryState
{
    [Id(0)]
    public ImmutableSortedSet<string> Nummern { get; init; } = [];
}
