using System.Collections.Immutable;
using OzgGrid.Grains.Abstractions.Changes;

namespace OzgGrid.Grains.Abstractions.Kommunen;

/// <summary>
/// The registered Kommunen of one Land by AGS; a Leistung is flächendeckend there when all of them have it online.
/// <see cref="Retired"/> holds the Kommunen that merged into another since (by their old AGS); <see cref="Successors"/>
/// says where their records belong now.
/// </summary>
[GenerateSerializer, Immutable, Alias("ozg.KommunenRegister")]
public sealed record KommunenRegister(
    [property: Id(0)] string Land,
    [property: Id(1)] ImmutableSortedDictionary<string, Kommune> Kommunen,
    [property: Id(2)] long Version,
    [property: Id(3)] ChangeStamp? LastChange,
    [property: Id(4)] ImmutableSortedDictionary<string, RetiredKommune> Retired,
    [property: Id(5)] string Attribution)
{
    public static KommunenRegister Empty(string land) =>
        new(land, ImmutableSortedDictionary<string, Kommune>.Empty, 0, null, ImmutableSortedDictionary<string, RetiredKommune>.Empty, string.Empty);

    public bool Contains(string ags) => Kommunen.ContainsKey(ags);

    /// <summary>
    /// Retired AGS → the current Kommune its records belong to: the Kommune it merged into, followed on through later
    /// mergers of that one. A retired Kommune whose line ends in a Kommune removed without a merger has none.
    /// Rollout, Anschluss and usage records of a retired AGS move to its successor with this mapping.
    /// </summary>
    public ImmutableSortedDictionary<string, string> Successors() => Retired.Keys
        .Select(ags => (Ags: ags, Successor: SuccessorOf(ags)))
        .Where(pair => pair.Successor is not null)
        .ToImmutableSortedDictionary(pair => pair.Ags, pair => pair.Successor!, StringComparer.Ordinal);

    /// <summary>The current Kommune that <paramref name="ags"/> is now: itself when registered, its successor when retired.</summary>
    public string? SuccessorOf(string ags)
    {
        // A chain is at most as long as the retired list; the bound guards against a cycle in damaged data.
        var current = ags;
        for (var step = 0; step <= Retired.Count; step++)
        {
            if (Kommunen.ContainsKey(current))
            {
                return current;
            }

            if (!Retired.TryGetValue(current, out var retired))
            {
                return null;
            }

            current = retired.MergedInto;
        }

        return null;
    }

    /// <summary>
    /// Records keyed by AGS as the register stands now: a retired Kommune's record moves to its successor while the
    /// successor has none of its own (of several merged into one, the one <paramref name="later"/> prefers); records of
    /// Kommunen without a successor stay where they are. The records themselves keep their AGS and history.
    /// </summary>
    public ImmutableSortedDictionary<string, T> MoveToSuccessors<T>(
        ImmutableSortedDictionary<string, T> byAgs, Func<T, string, T> moveTo, Func<T, T, bool> later)
    {
        if (Retired.IsEmpty)
        {
            return byAgs;
        }

        var moved = byAgs.ToBuilder();
        foreach (var (ags, record) in byAgs)
        {
            if (Kommunen.ContainsKey(ags) || SuccessorOf(ags) is not { } successor)
            {
                continue;
            }

            moved.Remove(ags);
            if (byAgs.ContainsKey(successor))
            {
                continue;
            }

            if (!moved.TryGetValue(successor, out var other) || later(record, other))
            {
                moved[successor] = moveTo(record, successor);
            }
        }

        return moved.ToImmutable();
    }

    /// <summary>The current Kommunen the AGS name now (a retired one as its successor); one neither registered nor retired drops out.</summary>
    public ImmutableSortedSet<string> Current(IEnumerable<string> ags) =>
        ags.Select(SuccessorOf).OfType<string>().ToImmutableSortedSet(StringComparer.Ordinal);

    /// <summary>The Kreise of the register, by Kreis AGS, with their Kommunen count and population.</summary>
    public ImmutableArray<Kreis> Kreise() =>
    [
        .. Kommunen.Values
            .GroupBy(kommune => Ags.KreisOf(kommune.Ags))
            .Select(kreis => new Kreis(kreis.Key, kreis.First().KreisName, kreis.Count(), kreis.Sum(kommune => (long)kommune.Einwohner)))
            .OrderBy(kreis => kreis.KreisAgs, StringComparer.Ordinal),
    ];
}
