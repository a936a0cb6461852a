namespace OzgGrid.Silo.Tests.Hosting;

/// <summary>The host of <see cref="GatewayFixture"/> on the test PostgreSQL, for the API semantics tests on that store.</summary>
public sealed class PostgresGatewayFixture : GatewayFixture
{
    protected override IReadOnlyList<string> StoreSettings => TestStorage.PostgresSettings;
}
