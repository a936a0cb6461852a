using System.Collections.Immutable;
using OzgGrid.Grains.Abstractions.Leistungen;
using OzgGrid.Grains.Abstractions.Monitoring;

namespace OzgGrid.Grains.Monitoring;

/// <summary>
/// Counts every Leistung once, in the state it was last reported in: a change moves it between the figures, a
/// duplicate or late report (version not newer) is ignored, and a report from a recount of the Leistungen themselves
/// is taken whenever it differs, since the Leistung is the truth. Not shared between threads: the aggregator's gate
/// serialises its use.
/// </summary>
public sealed class LeistungTally
{
    private readonly Dictionary<int, LeistungSummary> _counted = [];
    private FigureCounter _figures = new();

    public int LeistungenCounted => _counted.Count;

    public long this[string key] => _figures[key];

    public void Restore(IEnumerable<KeyValuePair<int, LeistungSummary>> counted)
    {
        foreach (var (ozgId, leistung) in counted)
        {
            _counted[ozgId] = leistung;
        }

        _figures = FigureCounter.Recount(_counted.Values);
    }

    public LeistungSummary? Find(int ozgId) => _counted.GetValueOrDefault(ozgId);

    /// <summary>The version counted of each Leistung, as of now.</summary>
    public Dictionary<int, long> Versions() => _counted.ToDictionary(counted => counted.Key, counted => counted.Value.Version);

    public ImmutableSortedDictionary<string, long> Figures() => _figures.ToImmutable();

    public ImmutableDictionary<int, LeistungSummary> ToImmutable() => _counted.ToImmutableDictionary();

    /// <summary>Counts each reported state that is to be taken and numbers it as a published change.</summary>
    /// <param name="fromRecount">The reports were read from the Leistungen: taken when they differ, not only when newer.</param>
    public ImmutableArray<PublishedChange> Count(ImmutableArray<LeistungChanged> changes, bool fromRecount, ChangeSequence sequence)
    {
        var published = ImmutableArray.CreateBuilder<PublishedChange>();
        foreach (var change in changes)
        {
            var after = change.Leistung;
            var before = _counted.GetValueOrDefault(after.OzgId);
            if (before is not null && (fromRecount ? CountsAlike(before, after) : before.Version >= after.Version))
            {
                continue;
            }

            var changedFigures = _figures.Move(before, after);
            _counted[after.OzgId] = after;
            published.Add(new PublishedChange(sequence.Next(), change, before, changedFigures));
        }

        return published.ToImmutable();
    }

    /// <summary>
    /// The same version counted towards the same figures. A recount compares the content too: a counted state that
    /// differs at the same version (a stored state gone wrong) would otherwise never be corrected.
    /// </summary>
    public static bool CountsAlike(LeistungSummary counted, LeistungSummary read) =>
        counted.Version == read.Version && FigureKeys.Of(counted).SequenceEqual(FigureKeys.Of(read), StringComparer.Ordinal);

    /// <summary>Recounts the figures from the Leistungen counted and takes the recount where the deltas drifted from it.</summary>
    /// <returns>The keys that had drifted.</returns>
    public IReadOnlyList<string> CorrectDrift()
    {
        var recount = FigureCounter.Recount(_counted.Values);
        var drifted = _figures.DifferencesTo(recount);
        if (drifted.Count > 0)
        {
            _figures = recount;
        }

        return drifted;
    }
}
