using System.Collections.Immutable;
using OzgGrid.Grains.Abstractions.Catalog;
using OzgGrid.Grains.Abstractions.Leistungen;
using OzgGrid.Grains.Abstractions.Themenfelder;

namespace OzgGrid.Grains.Catalog;

/// <summary>The catalogue as read from its files, ready to import, with everything unusual noted as findings.</summary>
public sealed record CatalogData(
    ImmutableArray<ThemenfeldCatalogEntry> Themenfelder,
    ImmutableDictionary<int, Federfuehrung> KnownFederfuehrungen,
    ImmutableArray<LeistungCatalogEntry> Leistungen,
    int LeikaLeistungenWithoutKey,
    ImmutableSortedDictionary<string, int> LeikaTypCounts,
    ImmutableArray<ImportFinding> Findings)
{
    public int LagenCount => Themenfelder.Sum(t => t.Lagen.Length);

    public int LeikaLeistungenCount => Leistungen.Sum(l => l.LeikaLeistungen.Length);
}
