using System.Collections.Immutable;
using OzgGrid.Grains.Abstractions.ProgrammeManagement;

namespace OzgGrid.Grains.ProgrammeManagement;

/// <summary>Every accepted change of a programme-management record, oldest first.</summary>
[GenerateSerializer, Alias("ozg.ProgrammeHistory")]
public sealed record ProgrammeHistory
{
    [Id(0)]
    public ImmutableList<ProgrammeChange> Changes { get; init; } = [];
}
