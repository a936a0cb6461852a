using System.Collections.Immutable;

namespace OzgGrid.Grains.Abstractions.ProgrammeManagement;

/// <summary>A page of changes, newest first; <see cref="NextBeforeVersion"/> continues below the last one.</summary>
[GenerateSerializer, Immutable, Alias("ozg.ProgrammeChangePage")]
public sealed record ProgrammeChangePage(
    [property: Id(0)] ImmutableArray<ProgrammeChange> Changes,
    [property: Id(1)] long? NextBeforeVersion);
