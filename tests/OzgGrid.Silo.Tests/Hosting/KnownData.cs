namespace OzgGrid.Silo.Tests.Hosting;

/// <summary>Facts of the shipped catalogue (data/catalog) that tests check against.</summary>
public static class KnownData
{
    public const int Themenfelder = 14;
    public const int Lagen = 55;
    public const int Leistungen = 557;
    public const int LeikaLeistungen = 5223;
    public const int LeikaLeistungenWithoutKey = 426;

    /// <summary>An IT-Dienstleister the gateway fixture registers; it serves SH, HH, HB and ST.</summary>
    public const string Dataport = "dataport";

    /// <summary>10000 Elterngeld, in Lage 26, with LeiKa-Leistungen; no test changes it.</summary>
    public const int ElterngeldOzgId = 10000;
}
