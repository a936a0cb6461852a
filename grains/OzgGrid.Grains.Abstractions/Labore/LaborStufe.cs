namespace OzgGrid.Grains.Abstractions.Labore;

/// <summary>The stages a Digitalisierungslabor works through, in order.</summary>
public enum LaborStufe
{
    IstAnalyse = 1,
    Zielbild = 2,
    KlickPrototyp = 3,
    Referenzimplementierung = 4,
    Abgeschlossen = 5,
}
