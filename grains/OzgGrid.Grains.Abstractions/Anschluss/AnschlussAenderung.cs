namespace OzgGrid.Grains.Abstractions.Anschluss;

/// <summary>One item of one Kommune to set (<see cref="Wert"/>, checked by the gateway) or to clear (null).</summary>
[GenerateSerializer, Immutable, Alias("ozg.AnschlussAenderung")]
public sealed record AnschlussAenderung(
    [property: Id(0)] string Ags,
    [property: Id(1)] AnschlussSchritt Schritt,
    [property: Id(2)] string? Wert);
