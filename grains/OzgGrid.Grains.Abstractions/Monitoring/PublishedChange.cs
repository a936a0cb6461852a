using System.Collections.Immutable;
using OzgGrid.Grains.Abstractions.Leistungen;

namespace OzgGrid.Grains.Abstractions.Monitoring;

/// <summary>
/// A change as the monitoring publishes it: numbered by <see cref="Sequence"/> within the aggregator's epoch,
/// with the Leistung's state before it (null if it was new) and the programme figures it changed, with their new values.
/// </summary>
[GenerateSerializer, Immutable, Alias("ozg.PublishedChange")]
public sealed record PublishedChange(
    [property: Id(0)] long Sequence,
    [property: Id(1)] LeistungChanged Change,
    [property: Id(2)] LeistungSummary? Before,
    [property: Id(3)] ImmutableArray<Figure> ChangedFigures);
