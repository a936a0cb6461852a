using System.Collections.Immutable;
using OzgGrid.Grains.Abstractions.Onlinedienste;

namespace OzgGrid.Grains.Abstractions.Reifegradmodelle;

/// <summary>
/// What holds OZG-Leistungen below a level of a model, from their Onlinedienste. An Onlinedienst counts while published
/// and in use (as for the derived Reifegrad). A Leistung is held by what holds its closest pair: one that reaches the
/// level first, then the highest level, then the fewest blockers, then by Onlinedienst id and LeiKa key.
/// </summary>
public static class ReifegradBlockerAuswertung
{
    public static bool Zaehlt(Onlinedienst dienst) => dienst.Veroeffentlicht && !dienst.Einsatzgebiet.IsEmpty;

    /// <summary>Every pair of <paramref name="ozgId"/>'s LeiKa-Leistungen, the closest to the level first.</summary>
    public static ImmutableArray<PaarBlocker> Paare(ReifegradModell modell, int zielstufe, int ozgId, IEnumerable<Onlinedienst> dienste) =>
        [.. dienste
            .SelectMany(d => d.Leistungen.Where(l => l.OzgId == ozgId).Select(l => new PaarBlocker(
                d.OnlinedienstId, l.LeikaKey, ozgId, Zaehlt(d),
                modell.Blocker(modell.Version == ReifegradModellVersion.Modell11 ? l.Bewertung11 : l.Bewertung20, zielstufe, d.Details.Basiskomponenten))))
            .OrderByDescending(p => p.Blocker.Erreicht)
            .ThenByDescending(p => p.Blocker.Stufe)
            .ThenBy(p => p.Blocker.Kriterien.Length + p.Blocker.FehlendeBasiskomponenten.Length)
            .ThenBy(p => p.OnlinedienstId, StringComparer.Ordinal)
            .ThenBy(p => p.LeikaKey, StringComparer.Ordinal)];

    public static ProgrammeReifegradBlocker Programme(ReifegradModell modell, int zielstufe, IEnumerable<Onlinedienst> alle)
    {
        var zaehlende = alle.Where(Zaehlt).ToList();
        var (erreicht, darunter) = (new List<int>(), new List<int>());
        var basiskomponenten = new SortedDictionary<Basiskomponente, List<int>>();
        var kriterien = new SortedDictionary<string, List<int>>(StringComparer.Ordinal);
        foreach (var ozgId in zaehlende.SelectMany(d => d.OzgIds).Distinct().Order())
        {
            var naechstes = Paare(modell, zielstufe, ozgId, zaehlende)[0].Blocker;
            if (naechstes.Erreicht)
            {
                erreicht.Add(ozgId);
                continue;
            }

            darunter.Add(ozgId);
            foreach (var komponente in naechstes.FehlendeBasiskomponenten)
            {
                (basiskomponenten.TryGetValue(komponente, out var ids) ? ids : basiskomponenten[komponente] = []).Add(ozgId);
            }

            foreach (var kriterium in naechstes.Kriterien)
            {
                (kriterien.TryGetValue(kriterium.Kriterium, out var ids) ? ids : kriterien[kriterium.Kriterium] = []).Add(ozgId);
            }
        }

        return new ProgrammeReifegradBlocker(
            [.. erreicht], [.. darunter],
            basiskomponenten.ToImmutableSortedDictionary(b => b.Key, b => b.Value.ToImmutableArray()),
            kriterien.ToImmutableSortedDictionary(k => k.Key, k => k.Value.ToImmutableArray(), StringComparer.Ordinal));
    }
}
