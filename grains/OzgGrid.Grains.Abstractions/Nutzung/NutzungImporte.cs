namespace OzgGrid.Grains.Abstractions.Nutzung;

/// <summary>What one caller imported: how many usage imports and rows (each import is a version of the record, with its request id).</summary>
[GenerateSerializer, Immutable, Alias("ozg.NutzungImporte")]
public sealed record NutzungImporte(
    [property: Id(0)] string Caller,
    [property: Id(1)] long Importe,
    [property: Id(2)] long Zeilen);
