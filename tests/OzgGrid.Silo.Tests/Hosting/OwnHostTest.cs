namespace OzgGrid.Silo.Tests.Hosting;

/// <summary>A test class with a host of its own on a fresh cluster scope, for tests whose figures must start at zero.</summary>
public abstract class OwnHostTest : IAsyncLifetime
{
    private TestHost? _host;

    protected TestHost Host => _host ?? throw new InvalidOperationException("The host has not started.");

    public async Task InitializeAsync() => _host = await TestHost.StartAsync(ClusterScope.CreateNew());

    public async Task DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }
    }
}
