namespace OzgGrid.Benchmarks.Tests.Hosting;

/// <summary>The Azurite that `./ozg test` starts for the tests; its connection string comes in OZGGRID_TEST_STORAGE.</summary>
public static class TestStorage
{
    public const string ConnectionStringVariable = "OZGGRID_TEST_STORAGE";

    public const string PostgresVariable = "OZGGRID_TEST_POSTGRES";

    /// <summary>The PostgreSQL that `./ozg test` starts for the tests (OZGGRID_TEST_POSTGRES).</summary>
    public static string PostgresConnectionString =>
        Environment.GetEnvironmentVariable(PostgresVariable) is { Length: > 0 } connectionString
            ? connectionString
            : throw new InvalidOperationException($"{PostgresVariable} is not set: run the tests with `./ozg test`, which starts PostgreSQL and sets it.");

    public static string ConnectionString =>
        Environment.GetEnvironmentVariable(ConnectionStringVariable) is { Length: > 0 } connectionString
            ? connectionString
            : throw new InvalidOperationException(
                $"{ConnectionStringVariable} is not set: run the tests with `./ozg test`, which starts Azurite and sets it.");
}
