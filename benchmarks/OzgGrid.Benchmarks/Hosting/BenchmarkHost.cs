using System.Globalization;
using Grpc.Core;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Builder;
using OzgGrid.Gateway.Identity;
using OzgGrid.Silo;

namespace OzgGrid.Benchmarks.Hosting;

/// <summary>
/// The real OzgGrid host (silo + gRPC gateway on Kestrel, the shipped catalogue) in this process, on free loopback
/// ports, logging warnings only, accepting tokens signed with a key of its own, without the per-caller rate limit. With Azurite each host stores under
/// names of its own, so every host starts empty.
/// </summary>
public sealed class BenchmarkHost : IAsyncDisposable
{
    /// <summary>The Azure Storage connection string for <see cref="StorageKind.Azurite"/> (`./ozg bench` sets it).</summary>
    public const string AzuriteConnectionStringVariable = "OZGGRID_BENCH_STORAGE";

    /// <summary>How long the tokens of <see cref="ChannelFor"/> stay valid: longer than any benchmark.</summary>
    private static readonly TimeSpan TokenLifetime = TimeSpan.FromHours(12);

    private readonly WebApplication _app;
    private readonly AuthOptions _auth;

    private BenchmarkHost(WebApplication app, Uri address, AuthOptions auth)
    {
        _app = app;
        _auth = auth;
        Address = address;
    }

    /// <summary>Where the gRPC gateway listens.</summary>
    public Uri Address { get; }

    /// <summary>The host's services, e.g. its <see cref="IGrainFactory"/> for scenarios that set up state faster than over gRPC.</summary>
    public IServiceProvider Services => _app.Services;

    public static async Task<BenchmarkHost> StartAsync(StorageKind storage, CancellationToken cancellationToken)
    {
        var auth = new AuthOptions { Issuer = $"ozgbench-{Guid.NewGuid():N}", SigningKeys = [AuthOptions.NewKey()] };
        string[] args =
        [
            "--Kestrel:Endpoints:Grpc:Url=http://127.0.0.1:0",
            $"--OzgGrid:Cluster:SiloPort={FreePort.Next()}",
            $"--OzgGrid:Auth:Issuer={auth.Issuer}",
            $"--OzgGrid:Auth:SigningKeys:0={auth.SigningKeys[0]}",
            "--Logging:LogLevel:Default=Warning",
            "--Logging:LogLevel:Orleans.Runtime.Silo=Warning",

            // The load of many callers comes from one here: the per-caller limit would measure itself.
            "--OzgGrid:RateLimit:PermitsPerSecond=0",
            .. StorageSettings(storage),
        ];
        var app = OzgGridHost.Build(args);
        await app.StartAsync(cancellationToken);
        return new BenchmarkHost(app, new Uri(app.GatewayAddresses().Single()), auth);
    }

    /// <summary>
    /// A channel (its own HTTP/2 connections) whose calls carry a token of <paramref name="role"/> (see
    /// <see cref="Roles"/>); the caller disposes it.
    /// </summary>
    public GrpcChannel ChannelFor(string role, string subject)
    {
        var token = AccessTokens.Issue(_auth, subject, role, itDienstleister: null, TokenLifetime, DateTimeOffset.UtcNow);
        var credentials = CallCredentials.FromInterceptor((_, metadata) =>
        {
            metadata.Add("Authorization", $"Bearer {token}");
            return Task.CompletedTask;
        });
        return GrpcChannel.ForAddress(Address, new GrpcChannelOptions
        {
            Credentials = ChannelCredentials.Create(ChannelCredentials.Insecure, credentials),
            UnsafeUseInsecureChannelCallCredentials = true,
        });
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
