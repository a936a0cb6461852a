using System.Collections.Immutable;

namespace OzgGrid.Grains.Abstractions.Changes;

/// <summary>A page of changes, newest first; <see cref="NextBeforeVersion"/> continues below the last one.</summary>
[GenerateSerializer, Immutable, Alias("ozg.ChangePage")]
public sealed record ChangePage(
    [property: Id(0)] ImmutableArray<ChangeRecord> Changes,
    [property: Id(1)] long? NextBeforeVersion);
