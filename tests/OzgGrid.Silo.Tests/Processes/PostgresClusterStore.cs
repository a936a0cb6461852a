using OzgGrid.Silo.Tests.Hosting;

namespace OzgGrid.Silo.Tests.Processes;

/// <summary>The test PostgreSQL that `./ozg test` runs, shared with other tests (clusters stay apart by ServiceId).</summary>
public sealed class PostgresClusterStore : IClusterStore
{
    public IReadOnlyList<string> Settings => TestStorage.PostgresSettings;

    public static Task<IClusterStore> StartAsync() => Task.FromResult<IClusterStore>(new PostgresClusterStore());

    /// <summary>The server is shared, so it keeps running: a restart of the cluster restarts the silos only.</summary>
    public Task RestartAsync() => Task.CompletedTask;

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
