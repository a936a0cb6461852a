namespace OzgGrid.Silo.Tests.Hosting;

/// <summary>Reconciles by its reminder every 2 seconds (the silo lowers Orleans' reminder minimum for it).</summary>
public sealed class PeriodicReconciliationHost() : ReconciliationHost("00:00:02")
{
    public static readonly TimeSpan Period = TimeSpan.FromSeconds(2);
}
