using System.Collections.Immutable;

namespace OzgGrid.Grains.Dienstleister;

[GenerateSerializer, Alias("ozg.ItDienstleisterDirectoryState")]
public sealed record ItDienstleisterDirectoryState
{
    [Id(0)]
    public ImmutableSortedSet<string> Ids { get; init; } = [];
}
