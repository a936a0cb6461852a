namespace OzgGrid.Grains.Abstractions.Labore;

/// <summary>A reference design a lab produced, in one version: a link to it and what it describes.</summary>
[GenerateSerializer, Immutable, Alias("ozg.Blaupause")]
public sealed record Blaupause(
    [property: Id(0)] string Name,
    [property: Id(1)] int Version,
    [property: Id(2)] string Link,
    [property: Id(3)] string Beschreibung,
    [property: Id(4)] DateTimeOffset VeroeffentlichtAm);
