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
}
