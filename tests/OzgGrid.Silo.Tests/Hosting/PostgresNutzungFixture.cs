namespace OzgGrid.Silo.Tests.Hosting;

/// <summary>The host of <see cref="NutzungFixture"/> on the test PostgreSQL, for the usage tests on that store.</summary>
public sealed class PostgresNutzungFixture : NutzungFixture
{
    protected override IReadOnlyList<string> StoreSettings => TestStorage.PostgresSettings;
}
