using System.Collections.Immutable;
using OzgGrid.Grains.Abstractions.Errors;
using OzgGrid.Grains.Abstractions.Kommunen;

namespace OzgGrid.Grains.Kommunen;

/// <summary>How an import's mergers change the retired Kommunen of a register.</summary>
public static class KommunenMergers
{
    /// <summary>
    /// The retired Kommunen after an import: each merged Kommune retired with its last entry (a merger repeated by a
    /// later Gebietsstand keeps the first entry, or moves the successor if the import says so), and any retired AGS
    /// that the new register lists again taken back.
    /// </summary>
    /// <exception cref="InvalidFieldException">A merged AGS that the register has never known.</exception>
    public static ImmutableSortedDictionary<string, RetiredKommune> Apply(
        KommunenBody? current, Gebietsstand gebietsstand, ImmutableSortedDictionary<string, Kommune> next, long nextVersion, string land)
    {
        var retired = current?.RetiredOrEmpty ?? ImmutableSortedDictionary<string, RetiredKommune>.Empty;
        foreach (var (ags, successor) in gebietsstand.MergedInto)
        {
            if (current?.Kommunen.TryGetValue(ags, out var last) == true)
            {
                retired = retired.SetItem(ags, new RetiredKommune(last, successor, nextVersion));
            }
            else if (retired.TryGetValue(ags, out var earlier))
            {
                retired = earlier.MergedInto == successor ? retired : retired.SetItem(ags, earlier with { MergedInto = successor });
            }
            else
            {
                throw new InvalidFieldException($"merged_into[{ags}]",
                    $"Kommune {ags} is not in the register of {land}, so it cannot have merged; only registered Kommunen can disappear in a merger.");
            }
        }

        return retired.RemoveRange(retired.Keys.Where(next.ContainsKey));
    }
}
