namespace OzgGrid.Silo.Tests.Hosting;

/// <summary>
/// Two real hosts forming one Orleans cluster through Azure Table membership on the same Azurite:
/// <see cref="Second"/> can be restarted by a test.
/// </summary>
public sealed class TwoSiloFixture : IAsyncLifetime
{
    private readonly ClusterScope _scope = ClusterScope.CreateNew();
    private TestHost? _first;
    private TestHost? _second;

    public TestHost First => _first ?? throw new InvalidOperationException("The cluster has not started.");

    public TestHost Second => _second ?? throw new InvalidOperationException("The cluster has not started.");

    public async Task InitializeAsync()
    {
        _first = await TestHost.StartAsync(_scope, Settings);
        _second = await StartSecondAsync();
    }

    /// <summary>Stops the second silo gracefully and starts a new one in its place.</summary>
    public async Task RestartSecondAsync()
    {
        await Second.DisposeAsync();
        _second = null;
        _second = await StartSecondAsync();
    }

    public async Task DisposeAsync()
    {
        if (_second is not null)
        {
            await _second.DisposeAsync();
        }

        if (_first is not null)
        {
            await _first.DisposeAsync();
        }
    }

    private Task<TestHost> StartSecondAsync() => TestHost.StartAsync(_scope, Settings);

    private static readonly string[] Settings =
    [
        "--OzgGrid:Monitoring:HubRefreshInterval=00:00:02",
        "--OzgGrid:Monitoring:ReconciliationInterval=00:00:10",
    ];
}
