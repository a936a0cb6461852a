using System.Collections.Immutable;

namespace OzgGrid.Grains.Abstractions.Labore;

/// <summary>
/// A Digitalisierungslabor: the Themenfeld it belongs to, the Leistungen it works on, its participants and stage, and
/// every version of every Blaupause it published (oldest first).
/// </summary>
[GenerateSerializer, Immutable, Alias("ozg.Labor")]
public sealed record Labor(
    [property: Id(0)] string LaborId,
    [property: Id(1)] string Name,
    [property: Id(2)] int ThemenfeldId,
    [property: Id(3)] ImmutableSortedSet<int> OzgIds,
    [property: Id(4)] ImmutableArray<LaborTeilnehmer> Teilnehmer,
    [property: Id(5)] LaborStufe Stufe,
    [property: Id(6)] ImmutableArray<Blaupause> Blaupausen)
{
    /// <summary>Whether this IT-Dienstleister takes part, and so may write the lab's results.</summary>
    public bool HasItDienstleister(string itDienstleisterId) =>
        Teilnehmer.Any(t => t.Art == TeilnehmerArt.ItDienstleister && t.Kennung == itDienstleisterId);
}
