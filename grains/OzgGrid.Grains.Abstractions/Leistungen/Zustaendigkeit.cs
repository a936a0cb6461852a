using System.Collections.Immutable;

namespace OzgGrid.Grains.Abstractions.Leistungen;

/// <summary>Ownership of a Leistung: who builds it, whether once for all (EfA), who runs it and who reuses it.</summary>
[GenerateSerializer, Immutable, Alias("ozg.Zustaendigkeit")]
public sealed record Zustaendigkeit(
    [property: Id(0)] UmsetzendeStelle UmsetzendeStelle,
    [property: Id(1)] bool Efa,
    [property: Id(2)] string ItDienstleister,
    [property: Id(3)] ImmutableSortedSet<string> NachnutzerLaender)
{
    public bool SameAs(Zustaendigkeit? other) =>
        other is not null
        && this with { NachnutzerLaender = [] } == other with { NachnutzerLaender = [] }
        && NachnutzerLaender.SetEquals(other.NachnutzerLaender);
}
