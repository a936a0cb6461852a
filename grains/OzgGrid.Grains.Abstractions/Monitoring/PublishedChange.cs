using System.Collections.Immutable;
using OzgGrid.Grains.Abstractions.Leistungen;
using OzgGrid.Grains.Abstractions.ProgrammeManagement;

namespace OzgGrid.Grains.Abstractions.Monitoring;

/// <summary>
/// A change as the monitoring publishes it: numbered by <see cref="Sequence"/> within the aggregator's epoch,
/// with the Leistung's state before it (null if it was new) and the programme figures it changed, with their new values.
/// <see cref="ProgrammeEvent"/> is set when the change is a programme-management event of the Leistung (overdue,
/// no longer overdue, Nachnutzung changed) rather than a change of the Leistung itself; the Leistung is then shown
/// as last counted, unchanged.
/// </summary>
[GenerateSerializer, Immutable, Alias("ozg.PublishedChange")]
public sealed record PublishedChange(
    [property: Id(0)] long Sequence,
    [property: Id(1)] LeistungChanged Change,
    [property: Id(2)] LeistungSummary? Before,
    [property: Id(3)] ImmutableArray<Figure> ChangedFigures,
    [property: Id(4)] ProgrammeEvent? ProgrammeEvent = null);
