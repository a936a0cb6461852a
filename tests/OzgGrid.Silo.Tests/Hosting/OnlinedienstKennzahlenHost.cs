namespace OzgGrid.Silo.Tests.Hosting;

/// <summary>A host of its own, so that the programme-wide figures count only the Onlinedienste and projects its test seeds.</summary>
public sealed class OnlinedienstKennzahlenHost() : ReconciliationHost("01:00:00");
