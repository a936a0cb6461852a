using OzgGrid.Silo.Tests.Hosting;

namespace OzgGrid.Silo.Tests;

[Collection(GatewayCollection.Name)]
public sealed class AzuriteReifegradDerivationTests(GatewayFixture fixture) : ReifegradDerivationTests(fixture);
