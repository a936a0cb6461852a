namespace OzgGrid.Grains.Abstractions.Steckbrief;

/// <summary>How far a FIM building block is, in the order FIM's release process passes them (inaktiv last).</summary>
public enum FimStatus
{
    InPlanung = 1,
    InBearbeitung = 2,
    Entwurf = 3,
    MethodischFreigegeben = 4,
    FachlichFreigegebenSilber = 5,
    FachlichFreigegebenGold = 6,
    Inaktiv = 7,
}
