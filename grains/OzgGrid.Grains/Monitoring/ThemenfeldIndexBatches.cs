using OzgGrid.Grains.Abstractions.Leistungen;
using OzgGrid.Grains.Abstractions.Monitoring;
using OzgGrid.Grains.Abstractions.Themenfelder;

namespace OzgGrid.Grains.Monitoring;

/// <summary>One flush's changes for the Themenfelder's indexes: the newest version of each Leistung, one call per Themenfeld.</summary>
internal static class ThemenfeldIndexBatches
{
    public static Task SendAsync(Func<int, IThemenfeldGrain> themenfelder, IReadOnlyList<LeistungChanged> changes)
    {
        var perThemenfeld = new Dictionary<int, Dictionary<int, LeistungSummary>>();
        foreach (var change in changes)
        {
            var leistung = change.Leistung;
            if (!perThemenfeld.TryGetValue(leistung.ThemenfeldId, out var newest))
            {
                perThemenfeld[leistung.ThemenfeldId] = newest = [];
            }

            if (!newest.TryGetValue(leistung.OzgId, out var held) || held.Version < leistung.Version)
            {
                newest[leistung.OzgId] = leistung;
            }
        }

        return Task.WhenAll(perThemenfeld.Select(themenfeld =>
            themenfelder(themenfeld.Key).OnLeistungenChangedAsync([.. themenfeld.Value.Values])));
    }
}
