namespace OzgGrid.Gateway.Identity;

/// <summary>The roles a caller's token names (claim "role").</summary>
public static class Roles
{
    /// <summary>FITKO/BMI: ownership, Federführung, catalogue import, the IT-Dienstleister registry.</summary>
    public const string ProgrammManagement = "programm-management";

    /// <summary>A registered IT-Dienstleister (claim "ozg_itdl" names which): status of its assigned Leistungen.</summary>
    public const string ItDienstleister = "it-dienstleister";

    /// <summary>Reads and streams only.</summary>
    public const string Monitoring = "monitoring";

    public static readonly IReadOnlyList<string> All = [ProgrammManagement, ItDienstleister, Monitoring];
}
