using OzgGrid.Silo.Tests.Hosting;

namespace OzgGrid.Silo.Tests;

[Collection(NutzungCollection.Name)]
public sealed class AzuriteNutzungServiceTests(NutzungFixture fixture) : NutzungServiceTests(fixture);
