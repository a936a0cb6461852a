namespace OzgGrid.Grains.Abstractions.Umsetzungsprojekte;

/// <summary>The id sets (<see cref="ProgrammeManagement.IIdSetGrain"/>) the projects keep current.</summary>
public static class UmsetzungsprojektIdSets
{
    /// <summary>Every defined project.</summary>
    public const string Alle = "umsetzungsprojekte";

    /// <summary>The projects with an overdue phase, as of their last check.</summary>
    public const string Ueberfaellig = "umsetzungsprojekte-ueberfaellig";

    /// <summary>The projects that build one Leistung.</summary>
    public static string Of(int ozgId) => $"leistung-umsetzungsprojekte/{ozgId}";
}
