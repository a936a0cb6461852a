namespace OzgGrid.Grains.Abstractions.Beschluesse;

public enum Prioritaet
{
    Hoch = 1,
    Mittel = 2,
    Niedrig = 3,
}
