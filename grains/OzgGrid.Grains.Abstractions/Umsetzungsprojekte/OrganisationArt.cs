namespace OzgGrid.Grains.Abstractions.Umsetzungsprojekte;

/// <summary>What kind of organisation leads or takes part in an Umsetzungsprojekt; its key depends on it.</summary>
public enum OrganisationArt
{
    /// <summary>Key: the id of a registered IT-Dienstleister.</summary>
    ItDienstleister = 1,

    /// <summary>Key: the Land's kürzel.</summary>
    Land = 2,

    /// <summary>Key: the name of the Bundesressort, e.g. "BMI".</summary>
    Bundesressort = 3,
}
