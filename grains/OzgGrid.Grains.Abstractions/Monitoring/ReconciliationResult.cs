using System.Collections.Immutable;
using OzgGrid.Grains.Abstractions.Reconciliation;

namespace OzgGrid.Grains.Abstractions.Monitoring;

/// <summary>
/// What a recount found: how many Leistungen it read, which figures had drifted (now corrected), and every figure the
/// recount changed, from its value before to its value after (a Leistung caught up with included).
/// </summary>
[GenerateSerializer, Immutable, Alias("ozg.ReconciliationResult")]
public sealed record ReconciliationResult(
    [property: Id(0)] int LeistungenCounted,
    [property: Id(1)] int LeistungenCaughtUp,
    [property: Id(2)] ImmutableArray<string> DriftedFigures,
    [property: Id(3)] ImmutableArray<Correction> Corrections);
