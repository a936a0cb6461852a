using System.Collections.Immutable;

namespace OzgGrid.Grains.Records;

/// <summary>One sealed page of a record's history, oldest first.</summary>
[GenerateSerializer, Alias("ozg.HistoryPage`1")]
public sealed record HistoryPage<TChange>
{
    [Id(0)]
    public ImmutableList<TChange> Changes { get; init; } = [];
}
