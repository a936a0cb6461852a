using System.Collections.Immutable;

namespace OzgGrid.Grains.Abstractions.Anschluss;

/// <summary>
/// The Anschluss of one Onlinedienst in one Land: the checklist of each Kommune that has one item or more set, and the
/// Kommunen whose planned Go-Live has passed without one (as of the record's last write or deadline check).
/// </summary>
[GenerateSerializer, Immutable, Alias("ozg.LandAnschluss")]
public sealed record LandAnschluss(
    [property: Id(0)] string OnlinedienstId,
    [property: Id(1)] string Land,
    [property: Id(2)] ImmutableSortedDictionary<string, AnschlussKommune> Kommunen,
    [property: Id(3)] ImmutableSortedSet<string> Ueberfaellig)
{
    public static LandAnschluss Leer(string onlinedienstId, string land) =>
        new(onlinedienstId, land, ImmutableSortedDictionary<string, AnschlussKommune>.Empty, []);

    public AnschlussKommune? Kommune(string ags) => Kommunen.GetValueOrDefault(ags);
}
