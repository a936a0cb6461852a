using OzgGrid.Silo.Hosting;

namespace OzgGrid.Silo.Postgres;

/// <summary>
/// `OzgGrid.Silo db-init [--OzgGrid:Storage:PostgresConnectionString=…]`: creates OzgGrid's schema in the configured
/// PostgreSQL database (`./ozg db init`); does nothing on a database that has it, and refuses a newer one.
/// </summary>
public static class DbInitCommand
{
    public const string Name = "db-init";

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
        var storage = builder.Configuration.GetSection(StorageOptions.Section).Get<StorageOptions>() ?? new();
        if (string.IsNullOrWhiteSpace(storage.PostgresConnectionString))
        {
            error.WriteLine($"No database given: set {StorageOptions.Section}:PostgresConnectionString (e.g. OzgGrid__Storage__PostgresConnectionString=\"Host=…;Database=…;Username=…\").");
            return 2;
        }

        try
        {
            var found = await PostgresSchema.EnsureAsync(storage.PostgresConnectionString);
            output.WriteLine(found == 0
                ? $"Created OzgGrid's PostgreSQL schema, version {PostgresSchema.Version}."
                : $"The database already has OzgGrid's schema, version {found}; nothing to do.");
            return 0;
        }
        catch (Exception failed) when (failed is InvalidOperationException or Npgsql.NpgsqlException)
        {
            error.WriteLine(failed.Message);
            return 1;
        }
    }
}
