using System.Collections.Immutable;
using OzgGrid.Grains.Abstractions.Kommunen;

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

    /// <summary>
    /// The checklists as the register stands: a retired Kommune's checklist counts as its successor's while the
    /// successor has none of its own (of several merged into one, the one changed last), and so does its being overdue.
    /// </summary>
    public LandAnschluss Following(KommunenRegister register)
    {
        if (register.Retired.IsEmpty)
        {
            return this;
        }

        var kommunen = register.MoveToSuccessors(Kommunen, (kommune, successor) => kommune with { Ags = successor }, (a, b) => ChangedAt(a) > ChangedAt(b));
        return this with { Kommunen = kommunen, Ueberfaellig = register.Current(Ueberfaellig).Intersect(kommunen.Keys) };

        static DateTimeOffset ChangedAt(AnschlussKommune kommune) => kommune.Punkte.Values.Max(p => (DateTimeOffset?)p.GesetztAm) ?? DateTimeOffset.MinValue;
    }
}
