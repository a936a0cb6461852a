namespace OzgGrid.Grains.Reconciliation;

/// <summary>The period the reminder was registered with, so that a silo start changes it only when the setting changed.</summary>
[GenerateSerializer, Alias("ozg.ReconciliationState")]
public sealed record ReconciliationState
{
    [Id(0)]
    public TimeSpan Period { get; init; }
}
