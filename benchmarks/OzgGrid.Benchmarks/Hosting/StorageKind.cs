namespace OzgGrid.Benchmarks.Hosting;

/// <summary>Where the benchmark host keeps grain state.</summary>
public enum StorageKind
{
    /// <summary>The memory storage, kept in the silo's process: no disk or storage emulator in the measurement.</summary>
    Memory,

    /// <summary>Azure Storage (Azurite) from <see cref="BenchmarkHost.AzuriteConnectionStringVariable"/>, under fresh names per host.</summary>
    Azurite,

    /// <summary>PostgreSQL from <see cref="BenchmarkHost.PostgresConnectionStringVariable"/>, under a fresh ServiceId per host.</summary>
    Postgres,
}
