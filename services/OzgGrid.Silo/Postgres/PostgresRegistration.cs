using System.Data.Common;
using Npgsql;
using Orleans.Serialization;
using OzgGrid.Grains.Abstractions;
using OzgGrid.Grains.Storage;
using OzgGrid.Silo.Hosting;

namespace OzgGrid.Silo.Postgres;

/// <summary>Membership, grain state of every storage name, and reminders in one PostgreSQL database (Orleans' ADO.NET providers).</summary>
public static class PostgresRegistration
{
    /// <summary>The ADO.NET invariant name under which Orleans finds Npgsql.</summary>
    public const string Invariant = "Npgsql";

    /// <summary>Call before UseOrleans: the schema must exist before the silo's providers read their queries.</summary>
    public static void AddPostgresSchemaStartup(this IServiceCollection services, StorageOptions storage)
    {
        if (string.IsNullOrWhiteSpace(storage.PostgresConnectionString))
        {
            throw new InvalidOperationException(
                $"{StorageOptions.Section}:Provider is Postgres, but {StorageOptions.Section}:PostgresConnectionString is empty: give the database, e.g. \"Host=db;Database=ozggrid;Username=ozggrid;Password=…\".");
        }

        DbProviderFactories.RegisterFactory(Invariant, NpgsqlFactory.Instance);
        services.AddHostedService(provider =>
            new PostgresSchemaStartup(storage.PostgresConnectionString, provider.GetRequiredService<ILogger<PostgresSchemaStartup>>()));
    }

    public static void UsePostgresStorage(this ISiloBuilder silo, StorageOptions storage)
    {
        var connectionString = PostgresConnectionDefaults.Apply(storage.PostgresConnectionString);
        silo.UseAdoNetClustering(options =>
        {
            options.Invariant = Invariant;
            options.ConnectionString = connectionString;
        });

        // The same serializer as the Azure path: state written by one store reads the same in the other.
        foreach (var name in new[] { StorageNames.State, StorageNames.History, StorageNames.Aggregates })
        {
            silo.AddAdoNetGrainStorage(name, options => options.Configure<Serializer>((ado, serializer) =>
            {
                ado.Invariant = Invariant;
                ado.ConnectionString = connectionString;
                ado.GrainStorageSerializer = new PooledGrainStorageSerializer(serializer);
            }));
        }

        silo.UseAdoNetReminderService(options =>
        {
            options.Invariant = Invariant;
            options.ConnectionString = connectionString;
        });
    }
}
