namespace OzgGrid.Grains.Abstractions.Leistungen;

/// <summary>A LeiKa-Leistung as the catalogue has it: the key may be empty and the Typ is kept raw.</summary>
[GenerateSerializer, Immutable, Alias("ozg.LeikaLeistungEntry")]
public sealed record LeikaLeistungEntry(
    [property: Id(0)] string Key,
    [property: Id(1)] string Name,
    [property: Id(2)] string Typ);
