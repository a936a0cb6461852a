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
}
