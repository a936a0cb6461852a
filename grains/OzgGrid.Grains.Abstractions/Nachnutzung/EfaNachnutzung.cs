using System.Collections.Immutable;

namespace OzgGrid.Grains.Abstractions.Nachnutzung;

/// <summary>
/// An EfA-Leistung: the Land that builds it (<see cref="Umsetzungsland"/>, empty until set) and the Nachnutzung state of
/// every other Land (a Land not listed has <see cref="NachnutzungZustand.KeinInteresse"/>).
/// </summary>
[GenerateSerializer, Immutable, Alias("ozg.EfaNachnutzung")]
public sealed record EfaNachnutzung(
    [property: Id(0)] int OzgId,
    [property: Id(1)] string Umsetzungsland,
    [property: Id(2)] ImmutableSortedDictionary<string, NachnutzungZustand> Laender)
{
    public static EfaNachnutzung Empty(int ozgId) => new(ozgId, string.Empty, ImmutableSortedDictionary<string, NachnutzungZustand>.Empty);

    public NachnutzungZustand ZustandIn(string land) => Laender.GetValueOrDefault(land, NachnutzungZustand.KeinInteresse);
}
