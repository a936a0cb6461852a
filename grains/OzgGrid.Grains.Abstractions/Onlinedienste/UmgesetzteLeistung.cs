using System.Collections.Immutable;

namespace OzgGrid.Grains.Abstractions.Onlinedienste;

/// <summary>
/// A LeiKa-Leistung the Onlinedienst implements (its OZG-Leistung follows from the key), with the pair's rating per
/// criterion by model 1.1 and 2.0 (criterion key → level; a criterion not listed is not rated).
/// </summary>
[GenerateSerializer, Immutable, Alias("ozg.UmgesetzteLeistung")]
public sealed record UmgesetzteLeistung(
    [property: Id(0)] string LeikaKey,
    [property: Id(1)] int OzgId,
    [property: Id(2)] ImmutableSortedDictionary<string, int> Bewertung11,
    [property: Id(3)] ImmutableSortedDictionary<string, int> Bewertung20);
