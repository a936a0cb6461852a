namespace OzgGrid.Grains.Abstractions.Steckbrief;

/// <summary>Who carries out (vollzieht) a Leistung.</summary>
public enum Zustaendigkeitsebene
{
    Bund = 1,
    Land = 2,
    Kommune = 3,
}
