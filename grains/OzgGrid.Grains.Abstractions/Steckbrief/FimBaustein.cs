namespace OzgGrid.Grains.Abstractions.Steckbrief;

/// <summary>The three FIM building blocks (Föderales Informationsmanagement) described per Leistung.</summary>
public enum FimBaustein
{
    Stammtext = 1,
    Stammdatenschema = 2,
    Stammprozess = 3,
}
