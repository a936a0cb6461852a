namespace OzgGrid.Grains.Abstractions.Umsetzungsprojekte;

public enum FinanzierungStatus
{
    Beantragt = 1,
    Bewilligt = 2,
    Abgelehnt = 3,
    Zurueckgezogen = 4,
    Ausgezahlt = 5,
}
