using System.Collections.Immutable;

namespace OzgGrid.Grains.Abstractions.Changes;

/// <summary>One accepted change: the version it produced, who made it and which fields it changed.</summary>
[GenerateSerializer, Immutable, Alias("ozg.ChangeRecord")]
public sealed record ChangeRecord(
    [property: Id(0)] long Version,
    [property: Id(1)] ChangeKind Kind,
    [property: Id(2)] ChangeStamp Stamp,
    [property: Id(3)] ImmutableArray<FieldChange> Fields);
