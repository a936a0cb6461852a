namespace OzgGrid.Grains.Abstractions.Catalog;

/// <summary>Something unusual in the catalogue data, or a row that could not be taken, with where it is.</summary>
[GenerateSerializer, Immutable, Alias("ozg.ImportFinding")]
public sealed record ImportFinding([property: Id(0)] string File, [property: Id(1)] int Line, [property: Id(2)] string Message);
