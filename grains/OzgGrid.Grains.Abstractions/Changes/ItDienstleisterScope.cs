using System.Collections.Immutable;

namespace OzgGrid.Grains.Abstractions.Changes;

/// <summary>
/// A write made by an IT-Dienstleister: it may touch only Leistungen assigned to <see cref="ItDienstleisterId"/>, and
/// Verfügbarkeit only in the Länder it serves.
/// </summary>
[GenerateSerializer, Immutable, Alias("ozg.ItDienstleisterScope")]
public sealed record ItDienstleisterScope(
    [property: Id(0)] string ItDienstleisterId,
    [property: Id(1)] ImmutableSortedSet<string> Laender);
