using OzgGrid.Grains.Abstractions.Changes;

namespace OzgGrid.Grains.Abstractions.ProgrammeManagement;

/// <summary>A programme-management record as it is after its latest accepted change, with its version.</summary>
[GenerateSerializer, Immutable, Alias("ozg.Recorded`1")]
public sealed record Recorded<TBody>(
    [property: Id(0)] TBody Body,
    [property: Id(1)] long Version,
    [property: Id(2)] ChangeStamp LastChange);
