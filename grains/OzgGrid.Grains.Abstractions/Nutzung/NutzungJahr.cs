using System.Collections.Immutable;

namespace OzgGrid.Grains.Abstractions.Nutzung;

/// <summary>
/// A usage record's data: per Kommune (AGS) twelve monthly counts, January first, <see cref="NichtGemeldet"/> where
/// no figure was imported. Twelve numbers per Kommune keep the largest Land (about 2,000 Gemeinden) far below a
/// stored record's size limit.
/// </summary>
[GenerateSerializer, Immutable, Alias("ozg.NutzungJahr")]
public sealed record NutzungJahr(
    [property: Id(0)] string OnlinedienstId,
    [property: Id(1)] string Land,
    [property: Id(2)] int Jahr,
    [property: Id(3)] ImmutableSortedDictionary<string, ImmutableArray<long>> Kommunen)
{
    public const long NichtGemeldet = -1;
}
