namespace OzgGrid.Grains.Abstractions.Kommunen;

/// <summary>What an import did to a Land's register; an import of the same list again changes nothing.</summary>
[GenerateSerializer, Immutable, Alias("ozg.KommunenImportResult")]
public sealed record KommunenImportResult(
    [property: Id(0)] string Land,
    [property: Id(1)] int Count,
    [property: Id(2)] int Added,
    [property: Id(3)] int Removed,
    [property: Id(4)] int Changed,
    [property: Id(5)] long Version,
    [property: Id(6)] int Merged = 0);
