using System.Collections.Immutable;
using OzgGrid.Grains.Abstractions.Reifegradmodelle;

namespace OzgGrid.Grains.Abstractions.Onlinedienste;

/// <summary>What an Onlinedienst is built of and how it is used; replaced whole by each SetOnlinedienstDetails.</summary>
[GenerateSerializer, Immutable, Alias("ozg.OnlinedienstDetails")]
public sealed record OnlinedienstDetails(
    [property: Id(0)] string Hersteller,
    [property: Id(1)] ImmutableArray<Fachverfahren> Fachverfahren,
    [property: Id(2)] ImmutableArray<string> Portale,
    [property: Id(3)] ImmutableArray<Nutzerkonto> Nutzerkonten,
    [property: Id(4)] Vertrauensniveau Vertrauensniveau,
    [property: Id(5)] string Bezahldienst,
    [property: Id(6)] ImmutableSortedSet<Zustellweg> Zustellwege,
    [property: Id(7)] bool Efa,
    [property: Id(8)] ImmutableSortedSet<Basiskomponente> Basiskomponenten)
{
    /// <summary>Before any details are set.</summary>
    public static readonly OnlinedienstDetails None = new(string.Empty, [], [], [], Vertrauensniveau.Keines, string.Empty, [], false, []);
}
