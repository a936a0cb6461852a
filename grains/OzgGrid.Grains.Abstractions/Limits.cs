namespace OzgGrid.Grains.Abstractions;

/// <summary>
/// How far each collection a caller can grow through the API may grow, in one place (configuration section
/// <see cref="Section"/>). Each keeps the record holding it far below Azure Table's 1 MB per entity: a record that
/// reached that would take no write at all. A write beyond a limit is refused (RESOURCE_EXHAUSTED) and changes nothing.
/// Collections not named here are bounded by what they may hold (16 Länder, the catalogue's Leistungen, a Land's
/// Kommunen register) or replaced whole by each write.
/// </summary>
public sealed class Limits
{
    public const string Section = "OzgGrid:Limits";

    /// <summary>Versions of Blaupausen a lab keeps (every version counts).</summary>
    public int BlaupausenPerLabor { get; set; } = 50;

    /// <summary>Participants of one lab.</summary>
    public int TeilnehmerPerLabor { get; set; } = 30;

    /// <summary>Labs listed under one Themenfeld.</summary>
    public int LaborePerThemenfeld { get; set; } = 200;

    /// <summary>Components linked to one Leistung.</summary>
    public int KomponentenPerLeistung { get; set; } = 100;

    /// <summary>Milestones of one Leistung (per phase, Land and Beschluss).</summary>
    public int MeilensteinePerLeistung { get; set; } = 200;

    /// <summary>Beschlüsse recorded in all.</summary>
    public int Beschluesse { get; set; } = 5_000;

    /// <summary>IT-Dienstleister registered in all.</summary>
    public int ItDienstleister { get; set; } = 2_000;

    /// <summary>Umsetzungsprojekte defined in all.</summary>
    public int Umsetzungsprojekte { get; set; } = 5_000;

    /// <summary>OZG-Leistungen and LeiKa-Leistungen one Umsetzungsprojekt bundles (each).</summary>
    public int LeistungenPerUmsetzungsprojekt { get; set; } = 100;

    /// <summary>Participating organisations of one Umsetzungsprojekt.</summary>
    public int BeteiligtePerUmsetzungsprojekt { get; set; } = 50;

    /// <summary>Financing entries of one Umsetzungsprojekt.</summary>
    public int FinanzierungenPerUmsetzungsprojekt { get; set; } = 20;

    /// <summary>Onlinedienste one Umsetzungsprojekt lists as produced.</summary>
    public int OnlinedienstePerUmsetzungsprojekt { get; set; } = 100;

    /// <summary>Umsetzungsprojekte building one Leistung.</summary>
    public int UmsetzungsprojektePerLeistung { get; set; } = 50;

    /// <summary>Onlinedienste registered in all.</summary>
    public int Onlinedienste { get; set; } = 5_000;

    /// <summary>Onlinedienste listed under one OZG-Leistung.</summary>
    public int OnlinediensteProLeistung { get; set; } = 500;

    /// <summary>LeiKa-Leistungen one Onlinedienst implements (each with its ratings).</summary>
    public int LeistungenProOnlinedienst { get; set; } = 200;

    /// <summary>Fachverfahren of one Onlinedienst.</summary>
    public int FachverfahrenProOnlinedienst { get; set; } = 50;

    /// <summary>Portale one Onlinedienst is listed in.</summary>
    public int PortaleProOnlinedienst { get; set; } = 50;

    /// <summary>Kommunen listed in one Onlinedienst's Einsatzgebiet, all Länder together.</summary>
    public int KommunenProOnlinedienst { get; set; } = 2_000;

    /// <summary>Usage rows in one ImportNutzungBatch call.</summary>
    public int NutzungZeilenProAufruf { get; set; } = 10_000;

    /// <summary>Usage rows in one ImportNutzung stream (held in memory until all are checked).</summary>
    public int NutzungZeilenProImport { get; set; } = 250_000;
}
