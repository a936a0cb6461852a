namespace OzgGrid.Grains.Abstractions.Nutzung;

/// <summary>One imported figure of a usage record: the Kommune, the month of the record's year (1–12), the transactions.</summary>
[GenerateSerializer, Immutable, Alias("ozg.NutzungZeile")]
public sealed record NutzungZeile(
    [property: Id(0)] string Ags,
    [property: Id(1)] int Monat,
    [property: Id(2)] long Transaktionen);
