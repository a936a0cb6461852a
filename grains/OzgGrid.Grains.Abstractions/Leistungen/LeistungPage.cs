using System.Collections.Immutable;

namespace OzgGrid.Grains.Abstractions.Leistungen;

/// <summary>Matching Leistungen ordered by OZG-ID, at most the requested number, and how many match in all.</summary>
[GenerateSerializer, Immutable, Alias("ozg.LeistungPage")]
public sealed record LeistungPage(
    [property: Id(0)] ImmutableArray<LeistungSummary> Leistungen,
    [property: Id(1)] int TotalCount);
