namespace OzgGrid.Grains.Abstractions.Leistungen;

/// <summary>The Verfügbarkeit of a Leistung in one Land (kürzel).</summary>
[GenerateSerializer, Immutable, Alias("ozg.LandVerfuegbarkeit")]
public sealed record LandVerfuegbarkeit([property: Id(0)] string Land, [property: Id(1)] Verfuegbarkeit Verfuegbarkeit);
