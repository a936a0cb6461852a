using System.Globalization;
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

    /// <summary>The Npgsql connection string for <see cref="StorageKind.Postgres"/> (`./ozg bench p2-postgres` sets it).</summary>
    public const string PostgresConnectionStringVariable = "OZGGRID_BENCH_POSTGRES";

    private readonly WebApplication _app;
    private readonly AuthOptions _auth;

    private BenchmarkHost(WebApplication app, Uri address, AuthOptions auth, string? storageName, string? connectionString)
    {
        _app = app;
        _auth = auth;
        Address = address;
        StorageName = storageName;
        ConnectionString = connectionString;
    }

    /// <summary>Where the gRPC gateway listens.</summary>
    public Uri Address { get; }

    /// <summary>The host's services, e.g. its <see cref="IGrainFactory"/> for scenarios that set up state faster than over gRPC.</summary>
    public IServiceProvider Services => _app.Services;

    /// <summary>With Azurite: the table, blob container, ServiceId and ClusterId of this host (PostgreSQL: the ServiceId); null with memory storage.</summary>
    public string? StorageName { get; }

    /// <summary>With Azurite: the storage account (PostgreSQL: the database's connection string); null with memory storage.</summary>
    public string? ConnectionString { get; }

    /// <summary>The tokens this host accepts are signed with these settings.</summary>
    public AuthOptions Auth => _auth;

    public static Task<BenchmarkHost> StartAsync(StorageKind storage, CancellationToken cancellationToken) =>
        StartAsync(new BenchmarkHostSettings(storage), cancellationToken);

    public static async Task<BenchmarkHost> StartAsync(BenchmarkHostSettings settings, CancellationToken cancellationToken)
    {
        var auth = TokenChannel.NewAuth();
        var storage = settings.Storage;
        var connectionString = storage switch
        {
            StorageKind.Azurite => settings.AzuriteConnectionString ?? AzuriteConnectionString(),
            StorageKind.Postgres => PostgresConnectionString(),
            _ => null,
        };
        var storageName = storage == StorageKind.Memory ? null : settings.StorageName ?? NewStorageName();
        string[] args =
        [
            "--Kestrel:Endpoints:Grpc:Url=http://127.0.0.1:0",
            "--Kestrel:Endpoints:Http:Url=http://127.0.0.1:0",
            "--OzgGrid:Tls:AllowPlaintext=true",
            $"--OzgGrid:Cluster:SiloPort={FreePort.Next()}",
            $"--OzgGrid:Auth:Issuer={auth.Issuer}",
            $"--OzgGrid:Auth:SigningKeys:0={auth.SigningKeys[0]}",
            "--Logging:LogLevel:Default=Warning",
            "--Logging:LogLevel:Orleans.Runtime.Silo=Warning",

            // The load of many callers comes from one here: the per-caller limit would measure itself.
            "--OzgGrid:RateLimit:PermitsPerSecond=0",
            "--OzgGrid:Streams:MaxPerCaller=0",
            .. StorageSettings(storage, connectionString, storageName),
            .. settings.ExtraArguments ?? [],
        ];
        var app = OzgGridHost.Build(args, settings.ConfigureServices);
        await app.StartAsync(cancellationToken);
        return new BenchmarkHost(app, new Uri(app.GatewayAddresses().Single()), auth, storageName, connectionString);
    }

    /// <summary>The Azurite of `./ozg bench` (<see cref="AzuriteConnectionStringVariable"/>), or an error saying how to get one.</summary>
    public static string AzuriteConnectionString() =>
        Environment.GetEnvironmentVariable(AzuriteConnectionStringVariable) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException(
                $"Azurite storage needs {AzuriteConnectionStringVariable}: run the scenario with `./ozg bench`, which starts Azurite and sets it " +
                "(for p3: `./ozg bench p3 --storage azurite`).");

    /// <summary>The PostgreSQL of `./ozg bench p2-postgres` (<see cref="PostgresConnectionStringVariable"/>), or an error saying how to get one.</summary>
    public static string PostgresConnectionString() =>
        Environment.GetEnvironmentVariable(PostgresConnectionStringVariable) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException(
                $"PostgreSQL storage needs {PostgresConnectionStringVariable}: run the scenario with `./ozg bench p2-postgres`, which starts PostgreSQL and sets it.");

    /// <summary>Storage names of their own ("bench" + time + random), so that every host starts empty.</summary>
    public static string NewStorageName() =>
        "bench" + DateTime.UtcNow.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture) + Guid.NewGuid().ToString("N")[..6];

    /// <summary>
    /// A channel (its own HTTP/2 connections) whose calls carry a token of <paramref name="role"/> (see
    /// <see cref="Roles"/>); the caller disposes it.
    /// </summary>
    public GrpcChannel ChannelFor(string role, string subject) => TokenChannel.Create(Address, _auth, role, subject);

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private static string[] StorageSettings(StorageKind storage, string? connectionString, string? name)
    {
        if (connectionString is null || name is null)
        {
            return ["--OzgGrid:Storage:Provider=Memory"];
        }

        if (storage == StorageKind.Postgres)
        {
            // One database for every host: each keeps its rows apart by its ServiceId.
            return
            [
                "--OzgGrid:Storage:Provider=Postgres",
                $"--OzgGrid:Storage:PostgresConnectionString={connectionString}",
                $"--OzgGrid:Cluster:ServiceId={name}",
                $"--OzgGrid:Cluster:ClusterId={name}",
            ];
        }

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
