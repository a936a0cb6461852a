namespace OzgGrid.Silo.Tests.Hosting;

/// <summary>A host of its own, so that the programme-wide blockers see only the Onlinedienste its test seeds.</summary>
public sealed class ReifegradBlockerHost() : ReconciliationHost("01:00:00");
