using System.Collections.Immutable;
using OzgGrid.Grains.Abstractions.Kommunen;

namespace OzgGrid.Grains.Kommunen;

/// <summary>A Land's Kommunen register by AGS, the Kommunen retired by mergers (by their old AGS) and the data's attribution.</summary>
[GenerateSerializer, Immutable, Alias("ozg.KommunenBody")]
public sealed record KommunenBody(
    [property: Id(0)] ImmutableSortedDictionary<string, Kommune> Kommunen,
    [property: Id(1)] ImmutableSortedDictionary<string, RetiredKommune>? Retired = null,
    [property: Id(2)] string? Attribution = null)
{
    public ImmutableSortedDictionary<string, RetiredKommune> RetiredOrEmpty => Retired ?? ImmutableSortedDictionary<string, RetiredKommune>.Empty;
}
