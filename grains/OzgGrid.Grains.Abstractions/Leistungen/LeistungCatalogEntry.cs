using System.Collections.Immutable;

namespace OzgGrid.Grains.Abstractions.Leistungen;

/// <summary>What the catalogue says about an OZG-Leistung; status and ownership are not part of it.</summary>
[GenerateSerializer, Immutable, Alias("ozg.LeistungCatalogEntry")]
public sealed record LeistungCatalogEntry(
    [property: Id(0)] int OzgId,
    [property: Id(1)] string Name,
    [property: Id(2)] int LageId,
    [property: Id(3)] string LageName,
    [property: Id(4)] int ThemenfeldId,
    [property: Id(5)] ImmutableArray<LeikaLeistungEntry> LeikaLeistungen)
{
    /// <summary>Value equality including the LeiKa-Leistungen (records compare arrays by reference).</summary>
    public bool SameAs(LeistungCatalogEntry other) =>
        this with { LeikaLeistungen = [] } == other with { LeikaLeistungen = [] }
        && LeikaLeistungen.SequenceEqual(other.LeikaLeistungen);
}
