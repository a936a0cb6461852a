using System.Collections.Immutable;

namespace OzgGrid.Grains.Abstractions.ProgrammeManagement;

/// <summary>All programme-management figures after the event numbered <see cref="Sequence"/>.</summary>
[GenerateSerializer, Immutable, Alias("ozg.ProgrammeFiguresSnapshot")]
public sealed record ProgrammeFiguresSnapshot(
    [property: Id(0)] long Sequence,
    [property: Id(1)] ImmutableSortedDictionary<string, long> Figures);
