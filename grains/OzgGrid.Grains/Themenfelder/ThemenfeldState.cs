using System.Collections.Immutable;
using OzgGrid.Grains.Abstractions.Changes;
using OzgGrid.Grains.Abstractions.Themenfelder;
using OzgGrid.Grains.Changes;

namespace OzgGrid.Grains.Themenfelder;

/// <summary>
/// The persisted state of a Themenfeld. Its history lives here too: Federführung and catalogue changes are rare.
/// </summary>
[GenerateSerializer, Alias("ozg.ThemenfeldState")]
public sealed record ThemenfeldState
{
    [Id(0)]
    public ThemenfeldCatalogEntry? Catalog { get; init; }

    [Id(1)]
    public Federfuehrung? Federfuehrung { get; init; }

    [Id(2)]
    public long Version { get; init; }

    [Id(3)]
    public ChangeStamp? LastChange { get; init; }

    [Id(4)]
    public ImmutableArray<RecentWrite<ThemenfeldDetails>> RecentWrites { get; init; } = [];

    [Id(5)]
    public ImmutableList<ChangeRecord> History { get; init; } = [];
}
