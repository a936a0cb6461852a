using System.Collections.Immutable;
using OzgGrid.Grains.Abstractions.Changes;

namespace OzgGrid.Grains.Abstractions.Dienstleister;

/// <summary>A registered IT-Dienstleister: the Länder it serves (kürzel) and whom to contact.</summary>
[GenerateSerializer, Immutable, Alias("ozg.ItDienstleister")]
public sealed record ItDienstleister(
    [property: Id(0)] string Id,
    [property: Id(1)] string Name,
    [property: Id(2)] ImmutableSortedSet<string> Laender,
    [property: Id(3)] string Contact,
    [property: Id(4)] long Version,
    [property: Id(5)] ChangeStamp LastChange,
    [property: Id(6)] bool Deactivated = false);
