using System.Collections.Immutable;

namespace OzgGrid.Grains.Abstractions.Dienstleister;

/// <summary>
/// What the programme management registers about an IT-Dienstleister. A deactivated one stays in the registry (its
/// Zuständigkeiten and history remain), but its tokens are refused for every call.
/// </summary>
[GenerateSerializer, Immutable, Alias("ozg.ItDienstleisterRegistration")]
public sealed record ItDienstleisterRegistration(
    [property: Id(0)] string Name,
    [property: Id(1)] ImmutableSortedSet<string> Laender,
    [property: Id(2)] string Contact,
    [property: Id(3)] bool Deactivated = false);
