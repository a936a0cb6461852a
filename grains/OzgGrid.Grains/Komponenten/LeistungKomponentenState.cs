using System.Collections.Immutable;

namespace OzgGrid.Grains.Komponenten;

[GenerateSerializer, Alias("ozg.LeistungKomponentenState")]
public sealed record LeistungKomponentenState
{
    [Id(0)]
    public ImmutableSortedSet<string> KomponenteIds { get; init; } = [];
}
