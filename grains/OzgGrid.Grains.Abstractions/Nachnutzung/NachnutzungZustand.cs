namespace OzgGrid.Grains.Abstractions.Nachnutzung;

/// <summary>How far a Land has come in reusing an EfA-Leistung, in the order it moves through the states.</summary>
public enum NachnutzungZustand
{
    KeinInteresse = 1,
    Interessenbekundung = 2,

    /// <summary>Contract concluded, e.g. through the FIT-Store.</summary>
    Vertrag = 3,
    Anbindung = 4,
    Live = 5,
}
