using System.Collections.Immutable;

namespace OzgGrid.Grains.Abstractions.Onlinedienste;

/// <summary>
/// A concrete online service: who offers it (<see cref="AnbieterId"/>, a registered IT-Dienstleister), what it is built
/// of, the LeiKa-Leistungen it implements with their ratings (ordered by key), where it is in use, whether published.
/// </summary>
[GenerateSerializer, Immutable, Alias("ozg.Onlinedienst")]
public sealed record Onlinedienst(
    [property: Id(0)] string OnlinedienstId,
    [property: Id(1)] string Name,
    [property: Id(2)] string Url,
    [property: Id(3)] string AnbieterId,
    [property: Id(4)] OnlinedienstDetails Details,
    [property: Id(5)] ImmutableArray<UmgesetzteLeistung> Leistungen,
    [property: Id(6)] ImmutableArray<EinsatzImLand> Einsatzgebiet,
    [property: Id(7)] bool Veroeffentlicht)
{
    public UmgesetzteLeistung? Leistung(string leikaKey) => Leistungen.FirstOrDefault(l => l.LeikaKey == leikaKey);

    public ImmutableSortedSet<int> OzgIds => [.. Leistungen.Select(l => l.OzgId)];
}
