namespace OzgGrid.Silo.Tests.Hosting;

/// <summary>Reconciles only when asked (<c>ReconcileFigures</c>): the period is an hour.</summary>
public sealed class OnRequestReconciliationHost() : ReconciliationHost("01:00:00");
