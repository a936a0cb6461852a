using System.Collections.Immutable;

namespace OzgGrid.Grains.Abstractions.Nutzung;

/// <summary>
/// Where the usage figures disagree with the reported rollout, for one Onlinedienst in one Kommune: the Leistungen
/// concerned, the transactions of the three months checked, and when it was first found.
/// </summary>
[GenerateSerializer, Immutable, Alias("ozg.NutzungsBefund")]
public sealed record NutzungsBefund(
    [property: Id(0)] NutzungsBefundArt Art,
    [property: Id(1)] string OnlinedienstId,
    [property: Id(2)] string Land,
    [property: Id(3)] string Ags,
    [property: Id(4)] ImmutableArray<int> OzgIds,
    [property: Id(5)] long Transaktionen,
    [property: Id(6)] DateTimeOffset FestgestelltAm)
{
    /// <summary>What identifies a finding between two checks (a finding found again keeps its first date).</summary>
    public (string OnlinedienstId, string Ags, NutzungsBefundArt Art) Schluessel => (OnlinedienstId, Ags, Art);

    public string Beschreibung => Art switch
    {
        NutzungsBefundArt.OnlineOhneNutzung =>
            $"Onlinedienst '{OnlinedienstId}' in {Ags} ({Land}): online for three full months (OZG-ID {string.Join(", ", OzgIds)}), no transactions",
        _ => $"Onlinedienst '{OnlinedienstId}' in {Ags} ({Land}): {Transaktionen} transactions in three months, but none of its Leistungen (OZG-ID {string.Join(", ", OzgIds)}) is online there",
    };
}
