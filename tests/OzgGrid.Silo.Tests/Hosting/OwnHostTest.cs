namespace OzgGrid.Silo.Tests.Hosting;

/// <summary>A test class with a host of its own on a fresh cluster scope, for tests whose figures must start at zero.</summary>
public abstract class OwnHostTest : IAsyncLifetime
{
    private TestHost? _host;

    protected TestHost Host => _host ?? throw new InvalidOperationException("The host has not started.");

    /// <summary>Settings of the host beyond the tests' own (command-line style, <c>--Section:Key=value</c>).</summary>
    protected virtual string[] Settings => [];

    public async Task InitializeAsync() => _host = await TestHost.StartAsync(ClusterScope.CreateNew(), Settings);

    public async Task DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }
    }
}
