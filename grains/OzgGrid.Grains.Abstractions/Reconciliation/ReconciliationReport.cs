using System.Collections.Immutable;
using OzgGrid.Grains.Abstractions.Monitoring;

namespace OzgGrid.Grains.Abstractions.Reconciliation;

/// <summary>What one reconciliation run compared and corrected, per kind of derived value.</summary>
/// <param name="Figures">The aggregator's recount, as <c>ReconcileFigures</c> reported it before the other kinds joined.</param>
[GenerateSerializer, Immutable, Alias("ozg.ReconciliationReport")]
public sealed record ReconciliationReport(
    [property: Id(0)] ImmutableArray<DerivedValueCheck> Checks,
    [property: Id(1)] ReconciliationResult Figures)
{
    public int Corrections => Checks.Sum(check => check.Corrected.Length);
}
