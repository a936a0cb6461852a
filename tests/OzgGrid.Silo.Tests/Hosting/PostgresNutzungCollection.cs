namespace OzgGrid.Silo.Tests.Hosting;

/// <summary>The usage tests on PostgreSQL, one after another on one host like <see cref="NutzungCollection"/>.</summary>
[CollectionDefinition(Name)]
public sealed class PostgresNutzungCollection : ICollectionFixture<PostgresNutzungFixture>
{
    public const string Name = "Nutzung-postgres";
}
