namespace OzgGrid.Grains.Abstractions.Reconciliation;

/// <summary>The kinds of derived values the reconciliation repairs from their source records.</summary>
public enum DerivedValueKind
{
    /// <summary>A Land's Verfügbarkeit of a Leistung, derived from its rollout entries and the Kommunen register.</summary>
    LandVerfuegbarkeit = 1,

    /// <summary>The overdue milestones a milestone record holds, derived from its milestones, the Leistung and the clock.</summary>
    Ueberfaellig = 2,

    /// <summary>The EfA figures (keys "efa/…"), counted from the Nachnutzung records.</summary>
    EfaFigures = 3,

    /// <summary>The overdue figures (keys "ueberfaellig/…"), counted from the milestone records.</summary>
    UeberfaelligFigures = 4,

    /// <summary>The programme aggregator's figures, counted from the Leistungen and the figures grain.</summary>
    ProgrammeFigures = 5,

    /// <summary>A Leistung's Reifegrad, derived from the levels of its published, used Onlinedienste.</summary>
    Reifegrad = 6,

    /// <summary>A Kommune online in a Land rollout, from a confirmed Go-Live in an Anschluss record.</summary>
    AnschlussGoLive = 7,
}
