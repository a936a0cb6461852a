namespace OzgGrid.Grains.Abstractions.Umsetzungsprojekte;

/// <summary>How an organisation takes part in an Umsetzungsprojekt.</summary>
public enum BeteiligungRolle
{
    MitarbeitZugesichert = 1,
    Interessiert = 2,
}
