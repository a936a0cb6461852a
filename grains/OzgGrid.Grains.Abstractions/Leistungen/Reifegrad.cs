namespace OzgGrid.Grains.Abstractions.Leistungen;

/// <summary>The Reifegradmodell: 0 Offline, 1 Information, 2 Formular-Assistent, 3 Online-Leistung, 4 Online-Transaktion.</summary>
public static class Reifegrad
{
    public const int Offline = 0;
    public const int Information = 1;
    public const int FormularAssistent = 2;
    public const int OnlineLeistung = 3;
    public const int OnlineTransaktion = 4;

    /// <summary>From this Reifegrad on a Leistung is OZG-konform.</summary>
    public const int OzgKonformFrom = OnlineLeistung;

    public static bool IsValid(int reifegrad) => reifegrad is >= Offline and <= OnlineTransaktion;
}
