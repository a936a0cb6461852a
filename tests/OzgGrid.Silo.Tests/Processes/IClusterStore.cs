namespace OzgGrid.Silo.Tests.Processes;

/// <summary>
/// The store a cluster of silo processes runs on (<see cref="ProcessClusterFixture"/>): the settings that point a silo
/// at it, and a restart as an operator does one. A fixture on another store is a subclass that passes another one.
/// </summary>
public interface IClusterStore : IAsyncDisposable
{
    /// <summary>Configuration arguments ("--Key=Value") that put a silo on this store.</summary>
    IReadOnlyList<string> Settings { get; }

    /// <summary>Stops the store and starts it again on the same data (nothing for a store shared with other tests).</summary>
    Task RestartAsync();
}
