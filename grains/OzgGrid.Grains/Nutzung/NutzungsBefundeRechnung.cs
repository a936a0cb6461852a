using System.Collections.Immutable;
using OzgGrid.Grains.Abstractions.Nutzung;
using OzgGrid.Grains.Abstractions.Rollout;

namespace OzgGrid.Grains.Nutzung;

/// <summary>
/// Where one Onlinedienst's usage in a Land disagrees with the rollout its Leistungen report, judged over the last
/// three full months before <c>now</c>. A Kommune counts as online since its entry's last change (the entry keeps no
/// earlier date), so a Kommune is judged idle only when online for certain over the whole three months.
/// </summary>
public static class NutzungsBefundeRechnung
{
    public const int Monate = 3;

    /// <summary>The three full months before <paramref name="now"/>, oldest first.</summary>
    public static (Monat Erster, Monat Letzter) Fenster(DateTimeOffset now) => (Monat.Von(now) - Monate, Monat.Von(now) - 1);

    /// <param name="einsatz">The Kommunen of the Land the Onlinedienst's Einsatzgebiet lists; empty: all of them.</param>
    /// <param name="entries">The rollout entries of its OZG-Leistungen in the Land.</param>
    /// <param name="transaktionen">Per Kommune with figures, its transactions in the three months.</param>
    /// <param name="successors">
    /// Retired AGS → its successor: a retired Kommune's figures count as its successor's, and so does its rollout entry
    /// of a Leistung for which the successor has none of its own; the successor is judged.
    /// </param>
    public static IEnumerable<NutzungsBefund> Finde(
        string onlinedienstId,
        string land,
        ImmutableSortedSet<int> ozgIds,
        ImmutableSortedSet<string> einsatz,
        IEnumerable<RolloutEntry> entries,
        IReadOnlyDictionary<string, long> transaktionen,
        DateTimeOffset now,
        IReadOnlyDictionary<string, string>? successors = null)
    {
        var seit = Fenster(now).Erster.Beginn;
        var relevant = entries.Where(e => ozgIds.Contains(e.OzgId)).ToList();
        if (successors is { Count: > 0 })
        {
            var own = relevant.Select(e => (e.Ags, e.OzgId)).ToHashSet();
            relevant = [.. relevant
                .Select(e => successors.TryGetValue(e.Ags, out var successor) ? (own.Contains((successor, e.OzgId)) ? null : e with { Ags = successor }) : e)
                .OfType<RolloutEntry>()];
            transaktionen = transaktionen.GroupBy(t => successors.GetValueOrDefault(t.Key, t.Key), t => t.Value)
                .ToDictionary(g => g.Key, g => g.Sum(), StringComparer.Ordinal);
        }

        var perKommune = relevant.ToLookup(e => e.Ags);

        foreach (var kommune in perKommune.OrderBy(k => k.Key, StringComparer.Ordinal))
        {
            var online = kommune
                .Where(e => e.Verfuegbarkeit == KommuneVerfuegbarkeit.Online && e.LastChange is { } change && change.ChangedAt <= seit)
                .Select(e => e.OzgId).Order().ToImmutableArray();
            if (!online.IsEmpty && (einsatz.IsEmpty || einsatz.Contains(kommune.Key)) && transaktionen.GetValueOrDefault(kommune.Key) == 0)
            {
                yield return new NutzungsBefund(NutzungsBefundArt.OnlineOhneNutzung, onlinedienstId, land, kommune.Key, online, 0, now);
            }
        }

        foreach (var (ags, anzahl) in transaktionen.Where(t => t.Value > 0).OrderBy(t => t.Key, StringComparer.Ordinal))
        {
            if (!perKommune[ags].Any(e => e.Verfuegbarkeit is KommuneVerfuegbarkeit.Online or KommuneVerfuegbarkeit.Pilot))
            {
                yield return new NutzungsBefund(NutzungsBefundArt.NutzungOhneAngebot, onlinedienstId, land, ags, [.. ozgIds], anzahl, now);
            }
        }
    }
}
