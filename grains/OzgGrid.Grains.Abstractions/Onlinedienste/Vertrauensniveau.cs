namespace OzgGrid.Grains.Abstractions.Onlinedienste;

/// <summary>The least level of assurance an Onlinedienst asks of its users' identification.</summary>
public enum Vertrauensniveau
{
    Keines = 1,
    Niedrig = 2,
    Substantiell = 3,
    Hoch = 4,
}
