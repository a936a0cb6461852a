using System.Collections.Immutable;
using OzgGrid.Grains.Abstractions.Changes;
using OzgGrid.Grains.Abstractions.Themenfelder;

namespace OzgGrid.Grains.Themenfelder;

/// <summary>One accepted change of a Themenfeld, with its Federführung afterwards (a retry's answer is rebuilt from it).</summary>
[GenerateSerializer, Immutable, Alias("ozg.ThemenfeldChange")]
public sealed record ThemenfeldChange(
    [property: Id(0)] long Version,
    [property: Id(1)] ChangeKind Kind,
    [property: Id(2)] ChangeStamp Stamp,
    [property: Id(3)] ImmutableArray<FieldChange> Fields,
    [property: Id(4)] Federfuehrung? FederfuehrungAfter) : IRecordedChange;
