namespace OzgGrid.Grains.Abstractions.ProgrammeManagement;

public enum ProgrammeEventKind
{
    /// <summary>The Umsetzungsland or a Land's Nachnutzung of an EfA-Leistung changed.</summary>
    NachnutzungGeaendert = 1,

    /// <summary>A milestone of the Leistung passed without its phase being reached.</summary>
    Ueberfaellig = 2,

    /// <summary>The Leistung has caught up: none of its milestones is overdue any more.</summary>
    NichtMehrUeberfaellig = 3,

    /// <summary>An Onlinedienst was registered or changed (its details, a rating, its Einsatzgebiet, its publication).</summary>
    OnlinedienstGeaendert = 20,

    /// <summary>An Umsetzungsprojekt changed (definition, participants, financing, dates, Onlinedienste).</summary>
    UmsetzungsprojektGeaendert = 30,

    /// <summary>A phase of an Umsetzungsprojekt passed its planned end without ending.</summary>
    UmsetzungsprojektUeberfaellig = 31,

    /// <summary>An Umsetzungsprojekt has caught up: no phase of it is overdue any more.</summary>
    UmsetzungsprojektNichtMehrUeberfaellig = 32,

    /// <summary>The Zuständigkeitsebene of a Leistung changed (announced only: it moves no figure).</summary>
    ZustaendigkeitsebeneGeaendert = 40,

    /// <summary>A FIM building block of a Leistung (id, version or status) changed (announced only).</summary>
    FimStatusGeaendert = 41,

    /// <summary>The responsible Kommunen of a Leistung in a Land changed (announced only; the Land's Verfügbarkeit follows as a status change).</summary>
    ZustaendigeKommunenGeaendert = 42,

    /// <summary>The usage figures of an Onlinedienst in a Kommune disagree with its rollout (announced only).</summary>
    NutzungsBefundErkannt = 70,

    /// <summary>A usage finding no longer holds (announced only).</summary>
    NutzungsBefundBehoben = 71,
    /// <summary>An Anschluss record (an Onlinedienst's checklists in a Land's Kommunen) changed.</summary>
    AnschlussGeaendert = 60,

    /// <summary>A Kommune's planned Go-Live passed without an actual Go-Live (or more Kommunen did).</summary>
    AnschlussUeberfaellig = 61,

    /// <summary>No Kommune of the Anschluss record is overdue any more.</summary>
    AnschlussNichtMehrUeberfaellig = 62,

    /// <summary>A Land's Kommunen register changed by an import (Kommunen added, removed or merged).</summary>
    KommunenGeaendert = 50,

    /// <summary>Usage figures were imported into a usage record, changing at least one figure (announced only).</summary>
    NutzungGeaendert = 85,
}
