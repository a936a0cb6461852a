namespace OzgGrid.Grains.Abstractions.Labore;

/// <summary>Who takes part in a Digitalisierungslabor.</summary>
public enum TeilnehmerArt
{
    Bundesressort = 1,
    Land = 2,
    Kommune = 3,
    ItDienstleister = 4,
}
