using System.Collections.Immutable;
using OzgGrid.Grains.Abstractions.Onlinedienste;

namespace OzgGrid.Grains.Abstractions.Anschluss;

/// <summary>The forecast of a Leistung in a Land from its responsible Kommunen, those online, and the Anschluss records of its Onlinedienste.</summary>
public static class AnschlussPrognosen
{
    /// <param name="dienste">The Onlinedienste implementing the Leistung, each with its Anschluss record in the Land (null: none yet).</param>
    public static AnschlussPrognose Berechne(
        int ozgId,
        string land,
        IReadOnlyCollection<string> zustaendige,
        IReadOnlySet<string> online,
        IReadOnlyList<(Onlinedienst Dienst, LandAnschluss? Anschluss)> dienste,
        DateOnly heute)
    {
        var fehlende = zustaendige.Where(ags => !online.Contains(ags)).Order(StringComparer.Ordinal)
            .Select(ags => Fehlend(ags, land, dienste, heute))
            .ToImmutableArray();
        var ohnePlan = fehlende.Count(f => f.GoLiveGeplant is null);
        DateOnly? ab = fehlende.IsEmpty || ohnePlan > 0 ? null : fehlende.Max(f => f.GoLiveGeplant!.Value);
        return new AnschlussPrognose(ozgId, land, zustaendige.Count, zustaendige.Count - fehlende.Length, fehlende, ab, ohnePlan);
    }

    /// <summary>The Onlinedienst furthest along in the Kommune decides what blocks it: going live with one is enough.</summary>
    private static FehlendeKommune Fehlend(string ags, string land, IReadOnlyList<(Onlinedienst Dienst, LandAnschluss? Anschluss)> dienste, DateOnly heute)
    {
        var imEinsatz = dienste
            .Where(d => d.Anschluss?.Kommune(ags) is not null || ImEinsatz(d.Dienst, land, ags))
            .Select(d => (d.Dienst.OnlinedienstId, Kommune: d.Anschluss?.Kommune(ags) ?? new AnschlussKommune(ags, ImmutableSortedDictionary<AnschlussSchritt, AnschlussEintrag>.Empty)))
            .OrderByDescending(d => (int?)d.Kommune.ErsterOffenerSchritt ?? int.MaxValue)
            .ThenBy(d => d.OnlinedienstId, StringComparer.Ordinal)
            .ToList();
        if (imEinsatz.Count == 0)
        {
            return new FehlendeKommune(ags, null, string.Empty, null, false);
        }

        var weitester = imEinsatz[0];
        var geplant = imEinsatz.Select(d => d.Kommune.GoLiveGeplant).Where(d => d is not null).Min();
        return new FehlendeKommune(ags, weitester.Kommune.ErsterOffenerSchritt, weitester.OnlinedienstId, geplant, imEinsatz.Any(d => d.Kommune.IstUeberfaellig(heute)));
    }

    /// <summary>In use in the Kommune by its Einsatzgebiet: the whole Land, or the Kommune listed.</summary>
    private static bool ImEinsatz(Onlinedienst dienst, string land, string ags) =>
        dienst.Einsatzgebiet.Any(e => e.Land == land && (e.GanzesLand || e.Kommunen.Contains(ags)));
}
