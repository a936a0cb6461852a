namespace OzgGrid.Grains.Abstractions.Komponenten;

/// <summary>What a reusable component does for the Leistungen using it.</summary>
public enum KomponenteArt
{
    NutzerkontoAnbindung = 1,
    Bezahldienst = 2,
    Datenaustausch = 3,
    Sonstige = 4,
}
