namespace OzgGrid.Grains.Abstractions.Leistungen;

/// <summary>A status report: null fields stay as they are.</summary>
[GenerateSerializer, Immutable, Alias("ozg.LeistungStatusUpdate")]
public sealed record LeistungStatusUpdate(
    [property: Id(0)] int? Reifegrad,
    [property: Id(1)] Umsetzungsphase? Phase,
    [property: Id(2)] LandVerfuegbarkeit? Verfuegbarkeit)
{
    public bool IsEmpty => Reifegrad is null && Phase is null && Verfuegbarkeit is null;
}
