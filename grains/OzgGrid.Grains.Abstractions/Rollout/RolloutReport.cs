namespace OzgGrid.Grains.Abstractions.Rollout;

/// <summary>What an IT-Dienstleister reports for one Kommune: the Leistung's Verfügbarkeit and Reifegrad there.</summary>
[GenerateSerializer, Immutable, Alias("ozg.RolloutReport")]
public sealed record RolloutReport(
    [property: Id(0)] string Ags,
    [property: Id(1)] KommuneVerfuegbarkeit Verfuegbarkeit,
    [property: Id(2)] int Reifegrad);
