using System.Collections.Immutable;
using OzgGrid.Grains.Abstractions.Changes;
using OzgGrid.Grains.Abstractions.Leistungen;

namespace OzgGrid.Grains.Abstractions.Monitoring;

/// <summary>An accepted change of a Leistung, as the Leistung reports it to the monitoring: its state after the change.</summary>
[GenerateSerializer, Immutable, Alias("ozg.LeistungChanged")]
public sealed record LeistungChanged(
    [property: Id(0)] LeistungSummary Leistung,
    [property: Id(1)] ChangeKind Kind,
    [property: Id(2)] ChangeStamp Stamp,
    [property: Id(3)] ImmutableArray<FieldChange> Fields);
