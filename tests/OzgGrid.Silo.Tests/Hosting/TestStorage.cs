namespace OzgGrid.Silo.Tests.Hosting;

/// <summary>
/// The stores `./ozg test` starts for the tests: an Azurite (connection string in OZGGRID_TEST_STORAGE) and a
/// PostgreSQL (OZGGRID_TEST_POSTGRES). A test host runs on Azurite unless given <see cref="PostgresSettings"/>.
/// </summary>
public static class TestStorage
{
    public const string ConnectionStringVariable = "OZGGRID_TEST_STORAGE";

    public const string PostgresVariable = "OZGGRID_TEST_POSTGRES";

    public static string ConnectionString => Required(ConnectionStringVariable, "Azurite");

    public static string PostgresConnectionString => Required(PostgresVariable, "PostgreSQL");

    /// <summary>Settings that put a host (or silo process) on the test PostgreSQL; clusters stay apart by ServiceId.</summary>
    public static string[] PostgresSettings =>
        ["--OzgGrid:Storage:Provider=Postgres", $"--OzgGrid:Storage:PostgresConnectionString={PostgresConnectionString}"];

    private static string Required(string variable, string store) =>
        Environment.GetEnvironmentVariable(variable) is { Length: > 0 } connectionString
            ? connectionString
            : throw new InvalidOperationException($"{variable} is not set: run the tests with `./ozg test`, which starts {store} and sets it.");
}
