using System.Collections.Immutable;
using OzgGrid.Grains.Abstractions.Kommunen;

namespace OzgGrid.Grains.Abstractions.Rollout;

/// <summary>The Kommunen of one Land responsible for a Leistung: the ones whose rollout counts towards "flächendeckend".</summary>
[GenerateSerializer, Immutable, Alias("ozg.ZustaendigeKommunen")]
public sealed record ZustaendigeKommunen(
    [property: Id(0)] ZustaendigeKommunenArt Art,
    [property: Id(1)] ImmutableSortedSet<string> Ags)
{
    public static readonly ZustaendigeKommunen Alle = new(ZustaendigeKommunenArt.Alle, []);

    /// <summary>Whether the Kommune counts (the register decides whether it exists at all).</summary>
    public bool Includes(string ags) => Art switch
    {
        ZustaendigeKommunenArt.Alle => true,
        ZustaendigeKommunenArt.Liste => Ags.Contains(ags),
        _ => false,
    };

    /// <summary>The list as the register stands: a listed Kommune retired by a merger counts as its successor.</summary>
    public ZustaendigeKommunen Following(KommunenRegister register) =>
        Art == ZustaendigeKommunenArt.Liste && !register.Retired.IsEmpty ? this with { Ags = register.Current(Ags) } : this;

    public override string ToString() => Art switch
    {
        ZustaendigeKommunenArt.Alle => "alle",
        ZustaendigeKommunenArt.Keine => "keine",
        _ => $"{Ags.Count} Kommunen",
    };
}
