using System.Collections.Immutable;

namespace OzgGrid.Grains.Abstractions.Dienstleister;

/// <summary>What the programme management registers about an IT-Dienstleister.</summary>
[GenerateSerializer, Immutable, Alias("ozg.ItDienstleisterRegistration")]
public sealed record ItDienstleisterRegistration(
    [property: Id(0)] string Name,
    [property: Id(1)] ImmutableSortedSet<string> Laender,
    [property: Id(2)] string Contact);
