namespace OzgGrid.Grains.Abstractions.Umsetzungsprojekte;

/// <summary>The phases of an Umsetzungsprojekt, in their order.</summary>
public enum ProjektPhase
{
    Vorbereitung = 1,
    Konzeption = 2,
    Umsetzung = 3,
    Pilotierung = 4,
    RolloutLand = 5,
    RolloutBund = 6,
}
