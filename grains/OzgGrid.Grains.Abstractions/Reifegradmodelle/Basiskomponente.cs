namespace OzgGrid.Grains.Abstractions.Reifegradmodelle;

/// <summary>The Basiskomponenten that levels of Reifegradmodell 2.0 need (data/reifegrad/basiskomponenten.csv).</summary>
public enum Basiskomponente
{
    DeutschlandId = 1,

    /// <summary>Including the Postfächer.</summary>
    Organisationskonto = 2,
    Noots = 3,
    Statusmonitor = 4,
    EAkte = 5,

    /// <summary>Zahlungs- und HKR-Systeme.</summary>
    ZahlungHkr = 6,
}
