namespace OzgGrid.Grains.Abstractions.Nutzung;

public enum NutzungsBefundArt
{
    /// <summary>Online in the Kommune for the last three full months, and no transactions in them.</summary>
    OnlineOhneNutzung = 1,

    /// <summary>Transactions in the last three full months, though none of the Onlinedienst's Leistungen is online or pilot there.</summary>
    NutzungOhneAngebot = 2,
}
