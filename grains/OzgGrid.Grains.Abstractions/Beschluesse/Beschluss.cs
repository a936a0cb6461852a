using System.Collections.Immutable;

namespace OzgGrid.Grains.Abstractions.Beschluesse;

/// <summary>
/// A Beschluss of the IT-Planungsrat (key: its number, e.g. "2022/23") with the directives it sets; every milestone set
/// from it names it.
/// </summary>
[GenerateSerializer, Immutable, Alias("ozg.Beschluss")]
public sealed record Beschluss(
    [property: Id(0)] string Nummer,
    [property: Id(1)] DateOnly Datum,
    [property: Id(2)] string Titel,
    [property: Id(3)] string Text,
    [property: Id(4)] ImmutableArray<PrioritaetVorgabe> Prioritaeten,
    [property: Id(5)] ImmutableArray<MeilensteinVorgabe> Meilensteine)
{
    /// <summary>The same decision, as a retry or a repeated import would send it.</summary>
    public bool SameAs(Beschluss other) =>
        Nummer == other.Nummer && Datum == other.Datum && Titel == other.Titel && Text == other.Text
        && Prioritaeten.SequenceEqual(other.Prioritaeten)
        && Meilensteine.Length == other.Meilensteine.Length
        && Meilensteine.Zip(other.Meilensteine).All(pair => Same(pair.First, pair.Second));

    private static bool Same(MeilensteinVorgabe a, MeilensteinVorgabe b) =>
        a.OzgIds.SetEquals(b.OzgIds) && a.ThemenfeldIds.SetEquals(b.ThemenfeldIds)
        && a with { OzgIds = b.OzgIds, ThemenfeldIds = b.ThemenfeldIds } == b;
}
