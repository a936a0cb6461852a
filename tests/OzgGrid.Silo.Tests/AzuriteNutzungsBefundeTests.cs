using OzgGrid.Silo.Tests.Hosting;

namespace OzgGrid.Silo.Tests;

[Collection(NutzungCollection.Name)]
public sealed class AzuriteNutzungsBefundeTests(NutzungFixture fixture) : NutzungsBefundeTests(fixture);
