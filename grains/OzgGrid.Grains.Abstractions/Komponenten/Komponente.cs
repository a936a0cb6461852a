using System.Collections.Immutable;

namespace OzgGrid.Grains.Abstractions.Komponenten;

/// <summary>
/// A reusable component, registered once (optionally by the lab that produced it) and linked to every Leistung that uses it.
/// </summary>
[GenerateSerializer, Immutable, Alias("ozg.Komponente")]
public sealed record Komponente(
    [property: Id(0)] string KomponenteId,
    [property: Id(1)] string Name,
    [property: Id(2)] KomponenteArt Art,
    [property: Id(3)] string Beschreibung,
    [property: Id(4)] string LaborId,
    [property: Id(5)] ImmutableSortedSet<int> OzgIds);
