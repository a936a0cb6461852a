using OzgGrid.Silo.Tests.Hosting;

namespace OzgGrid.Silo.Tests;

[Collection(GatewayCollection.Name)]
public sealed class AzuriteProgrammeManagementServiceTests(GatewayFixture fixture) : ProgrammeManagementServiceTests(fixture);
