using System.Collections.Immutable;
using OzgGrid.Grains.Abstractions.Changes;

namespace OzgGrid.Grains.Abstractions.ProgrammeManagement;

/// <summary>One accepted change of a programme-management record: the version it made, what was done, by whom, which fields.</summary>
[GenerateSerializer, Immutable, Alias("ozg.ProgrammeChange")]
public sealed record ProgrammeChange(
    [property: Id(0)] long Version,
    [property: Id(1)] string Action,
    [property: Id(2)] ChangeStamp Stamp,
    [property: Id(3)] ImmutableArray<FieldChange> Fields) : IRecordedChange;
