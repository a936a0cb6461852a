namespace OzgGrid.Grains.Abstractions.Rollout;

/// <summary>How far a Leistung is available in one Kommune, in increasing order.</summary>
public enum KommuneVerfuegbarkeit
{
    Keine = 1,
    Pilot = 2,
    Online = 3,
}
