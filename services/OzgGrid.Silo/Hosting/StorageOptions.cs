namespace OzgGrid.Silo.Hosting;

/// <summary>Where grain state lives (section OzgGrid:Storage).</summary>
public sealed class StorageOptions
{
    public const string Section = "OzgGrid:Storage";

    /// <summary>
    /// <see cref="StorageProvider.AzureStorage"/> (default), <see cref="StorageProvider.Postgres"/> (membership, state and
    /// reminders in <see cref="PostgresConnectionString"/>) or <see cref="StorageProvider.Memory"/> (lost on stop).
    /// </summary>
    public StorageProvider Provider { get; set; } = StorageProvider.AzureStorage;

    /// <summary>An Azure Storage connection string (provider AzureStorage); Azurite's well-known one by default.</summary>
    public string ConnectionString { get; set; } = "UseDevelopmentStorage=true";

    /// <summary>The table that holds the current state of every grain.</summary>
    public string TableName { get; set; } = "OzgGridState";

    /// <summary>The blob container that holds change histories and the programme aggregator.</summary>
    public string BlobContainer { get; set; } = "ozggrid-blobs";

    /// <summary>An Npgsql connection string (provider Postgres), e.g. "Host=db;Port=5432;Database=ozggrid;Username=ozggrid;Password=…".</summary>
    public string PostgresConnectionString { get; set; } = "";
}
