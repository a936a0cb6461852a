namespace OzgGrid.Benchmarks.Soak;

/// <summary>
/// A fault the soak injected: its kind and target, when it was injected, and when it was over (the silo serving
/// again, Azurite listening again), in soak time. Recovery is measured from <see cref="RecoveryFrom"/>: the injection
/// for a silo, the end of the outage for storage (whose length the soak chose).
/// </summary>
public sealed record InjectedFault(FaultKind Kind, string Target, TimeSpan At, TimeSpan Over)
{
    public TimeSpan RecoveryFrom => Kind == FaultKind.StorageOutage ? Over : At;
}
