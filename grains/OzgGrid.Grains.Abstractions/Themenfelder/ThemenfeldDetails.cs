using System.Collections.Immutable;
using OzgGrid.Grains.Abstractions.Changes;

namespace OzgGrid.Grains.Abstractions.Themenfelder;

/// <summary>A Themenfeld with its Lagen and Federführung (null while unknown).</summary>
[GenerateSerializer, Immutable, Alias("ozg.ThemenfeldDetails")]
public sealed record ThemenfeldDetails(
    [property: Id(0)] int ThemenfeldId,
    [property: Id(1)] string Name,
    [property: Id(2)] Federfuehrung? Federfuehrung,
    [property: Id(3)] ImmutableArray<LageSummary> Lagen,
    [property: Id(4)] int LeistungenCount,
    [property: Id(5)] long Version,
    [property: Id(6)] ChangeStamp LastChange);
