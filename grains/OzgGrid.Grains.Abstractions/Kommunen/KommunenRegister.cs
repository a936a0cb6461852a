using System.Collections.Immutable;
using OzgGrid.Grains.Abstractions.Changes;

namespace OzgGrid.Grains.Abstractions.Kommunen;

/// <summary>The registered Kommunen of one Land by AGS; a Leistung is flächendeckend there when all of them have it online.</summary>
[GenerateSerializer, Immutable, Alias("ozg.KommunenRegister")]
public sealed record KommunenRegister(
    [property: Id(0)] string Land,
    [property: Id(1)] ImmutableSortedDictionary<string, Kommune> Kommunen,
    [property: Id(2)] long Version,
    [property: Id(3)] ChangeStamp? LastChange)
{
    public static KommunenRegister Empty(string land) => new(land, ImmutableSortedDictionary<string, Kommune>.Empty, 0, null);

    public bool Contains(string ags) => Kommunen.ContainsKey(ags);
}
