using System.Collections.Immutable;
using System.Globalization;
using OzgGrid.Grains.Abstractions.Reconciliation;

namespace OzgGrid.Grains.Monitoring;

/// <summary>The figures a recount changed, each from its value before to its value after (an absent key is 0).</summary>
public static class FigureCorrections
{
    public static ImmutableArray<Correction> Between(IReadOnlyDictionary<string, long> before, IReadOnlyDictionary<string, long> after) =>
    [
        .. before.Keys.Union(after.Keys)
            .Where(key => before.GetValueOrDefault(key) != after.GetValueOrDefault(key))
            .Order(StringComparer.Ordinal)
            .Select(key => new Correction(key, Text(before.GetValueOrDefault(key)), Text(after.GetValueOrDefault(key)))),
    ];

    private static string Text(long value) => value.ToString(CultureInfo.InvariantCulture);
}
