namespace OzgGrid.Grains.Abstractions.Reifegradmodelle;

/// <summary>The two Reifegradmodelle a pair (Onlinedienst, LeiKa-Leistung) is rated by.</summary>
public enum ReifegradModellVersion
{
    /// <summary>Model 1.1 (June 2020): 10 criteria, levels 0–4.</summary>
    Modell11 = 1,

    /// <summary>Model 2.0 (July 2025): 13 criteria, levels 0–7.</summary>
    Modell20 = 2,
}
