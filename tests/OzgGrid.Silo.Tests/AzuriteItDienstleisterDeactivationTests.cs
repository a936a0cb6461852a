using OzgGrid.Silo.Tests.Hosting;

namespace OzgGrid.Silo.Tests;

[Collection(GatewayCollection.Name)]
public sealed class AzuriteItDienstleisterDeactivationTests(GatewayFixture fixture) : ItDienstleisterDeactivationTests(fixture);
