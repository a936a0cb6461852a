namespace OzgGrid.Grains.Abstractions.Leistungen;

public enum UmsetzendeStelleArt
{
    Land = 1,
    Bundesressort = 2,
}
