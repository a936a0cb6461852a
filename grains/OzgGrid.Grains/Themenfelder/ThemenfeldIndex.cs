using System.Collections.Immutable;
using OzgGrid.Grains.Abstractions.Leistungen;

namespace OzgGrid.Grains.Themenfelder;

/// <summary>
/// The summaries of a Themenfeld's Leistungen that lists are served from: kept current by the Leistungen's notices (one
/// way, and in batches from each silo's change batcher), corrected by a reload. A notice older than what is indexed is
/// ignored, and so is one of a Leistung the catalogue no longer lists here, so the order notices arrive in does not matter.
/// </summary>
internal sealed class ThemenfeldIndex(int themenfeldId)
{
    private readonly Dictionary<int, LeistungSummary> _leistungen = [];

    /// <summary>The Leistungen the catalogue lists here; null for a Themenfeld not imported (it takes every notice).</summary>
    private HashSet<int>? _members;

    public IReadOnlyCollection<LeistungSummary> All => _leistungen.Values;

    public void Take(LeistungSummary summary)
    {
        if (summary.ThemenfeldId != themenfeldId)
        {
            // The Leistung moved to another Themenfeld in a catalogue import.
            _leistungen.Remove(summary.OzgId);
            return;
        }

        // A notice from before the import that moved the Leistung away can arrive late (in a batch): it is not listed here.
        if (_members?.Contains(summary.OzgId) == false)
        {
            return;
        }

        if (!_leistungen.TryGetValue(summary.OzgId, out var known) || known.Version < summary.Version)
        {
            _leistungen[summary.OzgId] = summary;
        }
    }

    /// <summary>Takes only the Leistungen the catalogue lists here from now on, and forgets the others.</summary>
    public void KeepOnly(ImmutableArray<int> members)
    {
        _members = [.. members];
        foreach (var moved in _leistungen.Keys.Where(ozgId => !_members.Contains(ozgId)).ToList())
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
