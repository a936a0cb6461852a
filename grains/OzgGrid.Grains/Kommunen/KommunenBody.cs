using System.Collections.Immutable;
using OzgGrid.Grains.Abstractions.Kommunen;

namespace OzgGrid.Grains.Kommunen;

/// <summary>A Land's Kommunen register, by AGS.</summary>
[GenerateSerializer, Immutable, Alias("ozg.KommunenBody")]
public sealed record KommunenBody([property: Id(0)] ImmutableSortedDictionary<string, Kommune> Kommunen);
