namespace OzgGrid.Grains.Abstractions.Kommunen;

/// <summary>A Kreis (or kreisfreie Stadt) of a Land, the level between Kommune and Land: its Kommunen and their population.</summary>
[GenerateSerializer, Immutable, Alias("ozg.Kreis")]
public sealed record Kreis(
    [property: Id(0)] string KreisAgs,
    [property: Id(1)] string Name,
    [property: Id(2)] int Kommunen,
    [property: Id(3)] long Einwohner);
