using System.Collections.Immutable;
using OzgGrid.Grains.Abstractions.Dienstleister;
using OzgGrid.Grains.Changes;

namespace OzgGrid.Grains.Dienstleister;

[GenerateSerializer, Alias("ozg.ItDienstleisterState")]
public sealed record ItDienstleisterState
{
    [Id(0)]
    public ItDienstleister? Current { get; init; }

    [Id(1)]
    public ImmutableArray<RecentWrite<ItDienstleister>> RecentWrites { get; init; } = [];
}
