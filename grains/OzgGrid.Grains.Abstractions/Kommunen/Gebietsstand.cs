using System.Collections.Immutable;

namespace OzgGrid.Grains.Abstractions.Kommunen;

/// <summary>
/// A Land's whole register as imported: its Kommunen, the mergers it carries (a disappearing AGS → the AGS of the
/// Kommune it merged into, which must be in <see cref="Kommunen"/>) and the attribution its data source requires
/// (empty: keep the register's current one).
/// </summary>
[GenerateSerializer, Immutable, Alias("ozg.Gebietsstand")]
public sealed record Gebietsstand(
    [property: Id(0)] ImmutableArray<Kommune> Kommunen,
    [property: Id(1)] ImmutableSortedDictionary<string, string> MergedInto,
    [property: Id(2)] string Attribution)
{
    /// <summary>A register without mergers that keeps the current attribution.</summary>
    public static Gebietsstand Of(ImmutableArray<Kommune> kommunen) => new(kommunen, ImmutableSortedDictionary<string, string>.Empty, string.Empty);
}
