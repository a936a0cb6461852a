using System.Collections.Immutable;
using OzgGrid.Grains.Abstractions.Changes;

namespace OzgGrid.Grains.Abstractions.Catalog;

/// <summary>What a catalogue import found and did.</summary>
[GenerateSerializer, Immutable, Alias("ozg.CatalogImportReport")]
public sealed record CatalogImportReport(
    [property: Id(0)] ChangeStamp Stamp,
    [property: Id(1)] int Themenfelder,
    [property: Id(2)] int Lagen,
    [property: Id(3)] int Leistungen,
    [property: Id(4)] int LeikaLeistungen,
    [property: Id(5)] int LeikaLeistungenWithoutKey,
    [property: Id(6)] ImmutableSortedDictionary<string, int> LeikaTypCounts,
    [property: Id(7)] int LeistungenCreated,
    [property: Id(8)] int LeistungenChanged,
    [property: Id(9)] int LeistungenUnchanged,
    [property: Id(10)] ImmutableArray<ImportFinding> Findings,
    [property: Id(11)] ImmutableArray<int> ThemenfeldIds);
