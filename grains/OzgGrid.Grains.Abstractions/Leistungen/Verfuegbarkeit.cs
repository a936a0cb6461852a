namespace OzgGrid.Grains.Abstractions.Leistungen;

/// <summary>How far an OZG-Leistung is available in one Land, in increasing order.</summary>
public enum Verfuegbarkeit
{
    Keine = 1,
    Pilot = 2,
    InMindestensEinerKommune = 3,
    Flaechendeckend = 4,
}
