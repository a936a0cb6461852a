using Grpc.Net.Client;
using Microsoft.AspNetCore.Builder;

namespace OzgGrid.Silo.Tests.Hosting;

/// <summary>
/// The real OzgGrid host (silo + gRPC gateway on Kestrel) on free loopback ports, storing into Azurite under
/// names of its own so that test hosts never see each other's data unless they share a <see cref="StorageScope"/>.
/// </summary>
public sealed class TestHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private TestHost(WebApplication app, GrpcChannel channel, int siloPort)
    {
        _app = app;
        Channel = channel;
        SiloPort = siloPort;
    }

    public GrpcChannel Channel { get; }

    /// <summary>The silo-to-silo port, for a further host to join this one's cluster.</summary>
    public int SiloPort { get; }

    public IServiceProvider Services => _app.Services;

    /// <summary>Starts a host; <paramref name="settings"/> are further configuration arguments ("--Key=Value").</summary>
    public static async Task<TestHost> StartAsync(StorageScope scope, params string[] settings)
    {
        var siloPort = FreePort.Next();
        string[] args =
        [
            "--Kestrel:Endpoints:Grpc:Url=http://127.0.0.1:0",
            $"--OzgGrid:Cluster:SiloPort={siloPort}",
            $"--OzgGrid:Cluster:ServiceId={scope.ServiceId}",
            $"--OzgGrid:Cluster:ClusterId={scope.ServiceId}",
            $"--OzgGrid:Storage:ConnectionString={TestStorage.ConnectionString}",
            $"--OzgGrid:Storage:TableName={scope.TableName}",
            $"--OzgGrid:Storage:BlobContainer={scope.BlobContainer}",
            "--Logging:LogLevel:Default=Warning",
            .. settings,
        ];
        var app = OzgGridHost.Build(args);
        await app.StartAsync();
        var address = app.GatewayAddresses().Single();
        return new TestHost(app, GrpcChannel.ForAddress(address), siloPort);
    }

    public async ValueTask DisposeAsync()
    {
        Channel.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
