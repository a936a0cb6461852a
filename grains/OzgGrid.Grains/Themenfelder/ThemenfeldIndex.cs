using System.Collections.Immutable;
using OzgGrid.Grains.Abstractions.Leistungen;

namespace OzgGrid.Grains.Themenfelder;

/// <summary>
/// The summaries of a Themenfeld's Leistungen that lists are served from: kept current by the Leistungen's one-way
/// notices, corrected by a reload. A notice older than what is indexed is ignored, so order does not matter.
/// </summary>
internal sealed class ThemenfeldIndex(int themenfeldId)
{
    private readonly Dictionary<int, LeistungSummary> _leistungen = [];

    public IReadOnlyCollection<LeistungSummary> All => _leistungen.Values;

    public void Take(LeistungSummary summary)
    {
        if (summary.ThemenfeldId != themenfeldId)
        {
            // The Leistung moved to another Themenfeld in a catalogue import.
            _leistungen.Remove(summary.OzgId);
        }
        else if (!_leistungen.TryGetValue(summary.OzgId, out var known) || known.Version < summary.Version)
        {
            _leistungen[summary.OzgId] = summary;
        }
    }

    /// <summary>Forgets Leistungen the catalogue no longer lists here.</summary>
    public void KeepOnly(ImmutableArray<int> members)
    {
        var kept = members.ToHashSet();
        foreach (var moved in _leistungen.Keys.Where(ozgId => !kept.Contains(ozgId)).ToList())
        {
            _leistungen.Remove(moved);
        }
    }

    public LeistungPage Query(LeistungFilter filter, int afterOzgId, int limit)
    {
        var matching = _leistungen.Values.Where(filter.Matches).ToList();
        var page = matching.Where(l => l.OzgId > afterOzgId).OrderBy(l => l.OzgId).Take(limit).ToImmutableArray();
        return new LeistungPage(page, matching.Count);
    }
}
