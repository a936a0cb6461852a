using System.Collections.Immutable;

namespace OzgGrid.Grains.Abstractions.Monitoring;

/// <summary>What a recount found: how many Leistungen it read, which figures had drifted (now corrected).</summary>
[GenerateSerializer, Immutable, Alias("ozg.ReconciliationResult")]
public sealed record ReconciliationResult(
    [property: Id(0)] int LeistungenCounted,
    [property: Id(1)] int LeistungenCaughtUp,
    [property: Id(2)] ImmutableArray<string> DriftedFigures);
