namespace OzgGrid.Grains.Abstractions.Kommunen;

/// <summary>A Kommune of a Land's register: its AGS (8 digits, the first two the Land's code), its name and where these come from.</summary>
[GenerateSerializer, Immutable, Alias("ozg.Kommune")]
public sealed record Kommune(
    [property: Id(0)] string Ags,
    [property: Id(1)] string Name,
    [property: Id(2)] KommuneSource Source);
