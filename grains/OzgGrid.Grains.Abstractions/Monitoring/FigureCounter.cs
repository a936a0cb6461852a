using System.Collections.Immutable;
using OzgGrid.Grains.Abstractions.Leistungen;

namespace OzgGrid.Grains.Abstractions.Monitoring;

/// <summary>
/// Programme figures kept by deltas: moving a Leistung from one state to another subtracts the keys of the old
/// state and adds those of the new, so a change costs the same however many Leistungen there are.
/// </summary>
public sealed class FigureCounter
{
    private readonly Dictionary<string, long> _values;

    /// <summary>The differences of one move, kept between moves (a counter is not shared between threads).</summary>
    private readonly Dictionary<string, long> _delta = new(StringComparer.Ordinal);

    /// <summary>The keys of a Leistung's move, before and after, kept between moves as <see cref="_delta"/>.</summary>
    private readonly List<string> _keysBefore = [];
    private readonly List<string> _keysAfter = [];

    public FigureCounter()
        : this(new Dictionary<string, long>(StringComparer.Ordinal))
    {
    }

    private FigureCounter(Dictionary<string, long> values) => _values = values;

    public long this[string key] => _values.GetValueOrDefault(key);

    public static FigureCounter From(IReadOnlyDictionary<string, long> values) =>
        new(new Dictionary<string, long>(values, StringComparer.Ordinal));

    /// <summary>Counts every Leistung from scratch: what the figures must equal.</summary>
    public static FigureCounter Recount(IEnumerable<LeistungSummary> leistungen)
    {
        var counter = new FigureCounter();
        foreach (var leistung in leistungen)
        {
            counter.Move(null, leistung);
        }

        return counter;
    }

    /// <summary>Moves a Leistung from <paramref name="before"/> (null: not counted yet) to <paramref name="after"/>.</summary>
    /// <returns>The figures that changed, with their new values.</returns>
    public ImmutableArray<Figure> Move(LeistungSummary? before, LeistungSummary after)
    {
        // Most changes keep the Verfügbarkeit: then each Land's keys would be subtracted and added again, so they are
        // not listed at all (16 Länder, some 35 keys on each side).
        var laender = before is null || !SameVerfuegbarkeit(before.Status, after.Status);
        _keysBefore.Clear();
        _keysAfter.Clear();
        if (before is not null)
        {
            FigureKeys.AddTo(_keysBefore, before, laender);
        }

        FigureKeys.AddTo(_keysAfter, after, laender);

        // Each side lists a key at most once, and a move changes few of them: the keys on one side only are the
        // figures that move, found by comparing the short lists (mostly the same string instances) instead of
        // counting every key through a dictionary.
        var changed = ImmutableArray.CreateBuilder<Figure>();
        foreach (var key in _keysBefore)
        {
            if (!_keysAfter.Contains(key))
            {
                changed.Add(Add(key, -1));
            }
        }

        foreach (var key in _keysAfter)
        {
            if (!_keysBefore.Contains(key))
            {
                changed.Add(Add(key, 1));
            }
        }

        return changed.ToImmutable();
    }

    /// <summary>Moves one counted item from the keys it counted towards to those it counts towards now.</summary>
    /// <returns>The figures that changed, with their new values.</returns>
    public ImmutableArray<Figure> Move(IEnumerable<string> keysBefore, IEnumerable<string> keysAfter)
    {
        var delta = _delta;
        delta.Clear();
        foreach (var key in keysBefore)
        {
            delta[key] = delta.GetValueOrDefault(key) - 1;
        }

        foreach (var key in keysAfter)
        {
            delta[key] = delta.GetValueOrDefault(key) + 1;
        }

        var changed = ImmutableArray.CreateBuilder<Figure>();
        foreach (var (key, difference) in delta)
        {
            if (difference == 0)
            {
                continue;
            }

            changed.Add(Add(key, difference));
        }

        return changed.ToImmutable();
    }

    private Figure Add(string key, long difference)
    {
        var value = _values.GetValueOrDefault(key) + difference;
        if (value == 0)
        {
            _values.Remove(key);
        }
        else
        {
            _values[key] = value;
        }

        return new Figure(key, value);
    }

    private static bool SameVerfuegbarkeit(LeistungStatus before, LeistungStatus after)
    {
        if (ReferenceEquals(before.Verfuegbarkeit, after.Verfuegbarkeit))
        {
            return true;
        }

        if (before.Verfuegbarkeit.Count != after.Verfuegbarkeit.Count)
        {
            return false;
        }

        foreach (var (land, verfuegbarkeit) in before.Verfuegbarkeit)
        {
            if (!after.Verfuegbarkeit.TryGetValue(land, out var other) || other != verfuegbarkeit)
            {
                return false;
            }
        }

        return true;
    }

    public ImmutableSortedDictionary<string, long> ToImmutable() => _values.ToImmutableSortedDictionary(StringComparer.Ordinal);

    /// <summary>The keys whose values differ between the two counters.</summary>
    public IReadOnlyList<string> DifferencesTo(FigureCounter other) =>
        [.. _values.Keys.Union(other._values.Keys).Where(key => this[key] != other[key]).Order(StringComparer.Ordinal)];
}
