using System.Collections.Immutable;

namespace OzgGrid.Grains.Abstractions.Onlinedienste;

/// <summary>Where in a Land an Onlinedienst is in use: the listed Kommunen (AGS), or the whole Land when none are listed.</summary>
[GenerateSerializer, Immutable, Alias("ozg.EinsatzImLand")]
public sealed record EinsatzImLand(
    [property: Id(0)] string Land,
    [property: Id(1)] ImmutableSortedSet<string> Kommunen)
{
    public bool GanzesLand => Kommunen.IsEmpty;

    public override string ToString() => GanzesLand ? $"{Land}: ganzes Land" : $"{Land}: {string.Join(" ", Kommunen)}";
}
