using OzgGrid.Silo.Tests.Hosting;

namespace OzgGrid.Silo.Tests.Processes;

/// <summary>An Azurite of the cluster's own, which a restart really stops and starts.</summary>
public sealed class AzuriteClusterStore(OwnAzurite azurite) : IClusterStore
{
    public IReadOnlyList<string> Settings => [$"--OzgGrid:Storage:ConnectionString={azurite.ConnectionString}"];

    public static async Task<IClusterStore> StartAsync() => new AzuriteClusterStore(await OwnAzurite.StartAsync());

    public async Task RestartAsync()
    {
        await azurite.StopAsync();
        await azurite.StartAgainAsync();
    }

    public ValueTask DisposeAsync() => azurite.DisposeAsync();
}
