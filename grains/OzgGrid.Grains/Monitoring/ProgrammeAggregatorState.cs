using System.Collections.Immutable;
using OzgGrid.Grains.Abstractions.Leistungen;
using OzgGrid.Grains.Abstractions.Monitoring;

namespace OzgGrid.Grains.Monitoring;

[GenerateSerializer, Alias("ozg.ProgrammeAggregatorState")]
public sealed record ProgrammeAggregatorState
{
    [Id(0)]
    public long Epoch { get; init; }

    /// <summary>The state of each Leistung as last counted; the figures are the count of these.</summary>
    [Id(1)]
    public ImmutableDictionary<int, LeistungSummary> Counted { get; init; } = ImmutableDictionary<int, LeistungSummary>.Empty;

    [Id(2)]
    public ImmutableSortedDictionary<DateOnly, ProgressPoint> Progress { get; init; } = ImmutableSortedDictionary<DateOnly, ProgressPoint>.Empty;

    /// <summary>The hubs known when last persisted, so that a new activation publishes to them at once.</summary>
    [Id(3)]
    public ImmutableDictionary<string, IMonitoringHub> Hubs { get; init; } = ImmutableDictionary<string, IMonitoringHub>.Empty;
}
