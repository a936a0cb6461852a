namespace OzgGrid.Grains.Abstractions.Changes;

public enum ChangeKind
{
    /// <summary>Catalogue data (name, Lage, LeiKa-Leistungen) set by an import.</summary>
    Katalog = 1,
    Status = 2,
    Zustaendigkeit = 3,
    Federfuehrung = 4,

    /// <summary>Not a change itself: the monitoring caught up with a change it had missed, found by a recount.</summary>
    Abgleich = 5,

    /// <summary>Not a change of the Leistung itself: a milestone of it passed without its phase being reached (or more of them).</summary>
    Ueberfaellig = 6,

    /// <summary>Not a change of the Leistung itself: none of its milestones is overdue any more.</summary>
    NichtMehrUeberfaellig = 7,

    /// <summary>Not a change of the Leistung itself: its EfA-Nachnutzung (Umsetzungsland, a Land's Nachnutzung) changed.</summary>
    Nachnutzung = 8,
}
