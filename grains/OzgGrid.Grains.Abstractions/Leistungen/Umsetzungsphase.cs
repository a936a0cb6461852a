namespace OzgGrid.Grains.Abstractions.Leistungen;

/// <summary>The phases an OZG-Leistung moves through, in order.</summary>
public enum Umsetzungsphase
{
    Vorbereitung = 1,
    Konzeption = 2,
    Umsetzung = 3,
    Pilotierung = 4,
    RollOut = 5,
    Regelbetrieb = 6,
}
