using System.Collections.Immutable;

namespace OzgGrid.Grains.Abstractions.Umsetzungsprojekte;

/// <summary>What the programme management defines of a project: its name, what it builds, who leads it, its EfA type.</summary>
[GenerateSerializer, Immutable, Alias("ozg.UmsetzungsprojektDefinition")]
public sealed record UmsetzungsprojektDefinition(
    [property: Id(0)] string Name,
    [property: Id(1)] ImmutableSortedSet<int> OzgIds,
    [property: Id(2)] ImmutableSortedSet<string> LeikaKeys,
    [property: Id(3)] Organisation Projektleitung,
    [property: Id(4)] FimMethodenexperte? Methodenexperte,
    [property: Id(5)] EfaTyp EfaTyp);
