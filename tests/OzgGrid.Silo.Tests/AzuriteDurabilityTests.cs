namespace OzgGrid.Silo.Tests;

public sealed class AzuriteDurabilityTests : DurabilityTests;
