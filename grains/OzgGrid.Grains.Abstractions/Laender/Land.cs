namespace OzgGrid.Grains.Abstractions.Laender;

/// <summary>A German Land: its two-digit code (the first digits of every AGS in it), kürzel and name.</summary>
[GenerateSerializer, Immutable, Alias("ozg.Land")]
public sealed record Land([property: Id(0)] string Code, [property: Id(1)] string Kuerzel, [property: Id(2)] string Name);
