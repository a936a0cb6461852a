using System.Globalization;
using Microsoft.AspNetCore.Builder;
using OzgGrid.Silo;

namespace OzgGrid.Benchmarks.Hosting;

/// <summary>
/// The real OzgGrid host (silo + gRPC gateway on Kestrel, the shipped catalogue) in this process, on free loopback
/// ports, logging warnings only. With Azurite each host stores under names of its own, so every host starts empty.
/// </summary>
public sealed class BenchmarkHost : IAsyncDisposable
{
    /// <summary>The Azure Storage connection string for <see cref="StorageKind.Azurite"/> (`./ozg bench` sets it).</summary>
    public const string AzuriteConnectionStringVariable = "OZGGRID_BENCH_STORAGE";

    private readonly WebApplication _app;

    private BenchmarkHost(WebApplication app, Uri address)
    {
        _app = app;
        Address = address;
    }

    /// <summary>Where the gRPC gateway listens.</summary>
    public Uri Address { get; }

    public static async Task<BenchmarkHost> StartAsync(StorageKind storage, CancellationToken cancellationToken)
    {
        string[] args =
        [
            "--Kestrel:Endpoints:Grpc:Url=http://127.0.0.1:0",
            $"--OzgGrid:Cluster:SiloPort={FreePort.Next()}",
            "--Logging:LogLevel:Default=Warning",
            "--Logging:LogLevel:Orleans.Runtime.Silo=Warning",
            .. StorageSettings(storage),
        ];
        var app = OzgGridHost.Build(args);
        await app.StartAsync(cancellationToken);
        return new BenchmarkHost(app, new Uri(app.GatewayAddresses().Single()));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private static string[] StorageSettings(StorageKind storage)
    {
        if (storage == StorageKind.Memory)
        {
            return ["--OzgGrid:Storage:Provider=Memory"];
        }

        var connectionString = Environment.GetEnvironmentVariable(AzuriteConnectionStringVariable) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException(
                $"--storage azurite needs {AzuriteConnectionStringVariable}: run `./ozg bench p3 --storage azurite`, which starts Azurite and sets it.");
        var name = "bench" + DateTime.UtcNow.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture) + Guid.NewGuid().ToString("N")[..6];
        return
        [
            "--OzgGrid:Storage:Provider=AzureStorage",
            $"--OzgGrid:Storage:ConnectionString={connectionString}",
            $"--OzgGrid:Storage:TableName={name}",
            $"--OzgGrid:Storage:BlobContainer={name}",
            $"--OzgGrid:Cluster:ServiceId={name}",
            $"--OzgGrid:Cluster:ClusterId={name}",
        ];
    }
}
