namespace OzgGrid.Grains.Abstractions.Kommunen;

/// <summary>
/// A Kommune that disappeared in a merger: its last register entry, the Kommune it merged into (as the import said) and
/// the register version that retired it. Kept for good, so that old records stay readable by AGS.
/// </summary>
[GenerateSerializer, Immutable, Alias("ozg.RetiredKommune")]
public sealed record RetiredKommune(
    [property: Id(0)] Kommune Kommune,
    [property: Id(1)] string MergedInto,
    [property: Id(2)] long RetiredInVersion);
