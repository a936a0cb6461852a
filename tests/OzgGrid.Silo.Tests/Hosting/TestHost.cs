using Grpc.Core;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using OzgGrid.Gateway.Identity;

namespace OzgGrid.Silo.Tests.Hosting;

/// <summary>
/// The real OzgGrid host (silo + gRPC gateway on Kestrel) on free loopback ports, storing into Azurite under
/// names of its own so that test hosts never see each other's data unless they share a <see cref="ClusterScope"/>.
/// </summary>
public sealed class TestHost : IAsyncDisposable
{
    /// <summary>Who <see cref="Channel"/> calls as; recorded as "changed by".</summary>
    public const string ManagementSubject = "test-programm-management";

    private readonly WebApplication _app;
    private readonly string _address;
    private readonly ClusterScope _scope;
    private readonly List<GrpcChannel> _channels = [];

    private TestHost(WebApplication app, string address, Uri httpAddress, ClusterScope scope, int siloPort)
    {
        _app = app;
        _address = address;
        _scope = scope;
        SiloPort = siloPort;
        HttpAddress = httpAddress;
        Channel = ChannelFor(Roles.ProgrammManagement, ManagementSubject);
        AnonymousChannel = Track(GrpcChannel.ForAddress(address));
    }

    /// <summary>A channel whose calls carry a programme-management token.</summary>
    public GrpcChannel Channel { get; }

    /// <summary>A channel whose calls carry no token.</summary>
    public GrpcChannel AnonymousChannel { get; }

    /// <summary>The gRPC endpoint (HTTP/2, without TLS unless the test configured https), for tests that speak the wire themselves.</summary>
    public Uri GatewayAddress => new(_address);

    /// <summary>The silo-to-silo port, for a further host to join this one's cluster.</summary>
    public int SiloPort { get; }

    /// <summary>The operations endpoint (HTTP/1.1): health, metrics, dashboard.</summary>
    public Uri HttpAddress { get; }

    public IServiceProvider Services => _app.Services;

    /// <summary>The cluster this host belongs to, with the key its tokens are signed with.</summary>
    public ClusterScope Scope => _scope;

    /// <summary>A token signed with this cluster's key.</summary>
    public string TokenFor(string role, string subject, string? itDienstleister = null, TimeSpan? lifetime = null) =>
        AccessTokens.Issue(_scope.Auth, subject, role, itDienstleister, lifetime ?? TimeSpan.FromHours(1), DateTimeOffset.UtcNow);

    /// <summary>A channel whose calls carry a token of this role.</summary>
    public GrpcChannel ChannelFor(string role, string subject, string? itDienstleister = null) =>
        ChannelWithToken(TokenFor(role, subject, itDienstleister));

    public GrpcChannel ChannelWithToken(string token)
    {
        var credentials = CallCredentials.FromInterceptor((_, metadata) =>
        {
            metadata.Add("Authorization", $"Bearer {token}");
            return Task.CompletedTask;
        });
        return Track(GrpcChannel.ForAddress(_address, new GrpcChannelOptions
        {
            Credentials = ChannelCredentials.Create(_address.StartsWith("https:", StringComparison.Ordinal) ? ChannelCredentials.SecureSsl : ChannelCredentials.Insecure, credentials),
            UnsafeUseInsecureChannelCallCredentials = true,
        }));
    }

    /// <summary>Starts a host; <paramref name="settings"/> are further configuration arguments ("--Key=Value").</summary>
    private GrpcChannel Track(GrpcChannel channel)
    {
        lock (_channels)
        {
            _channels.Add(channel);
        }

        return channel;
    }

    public static Task<TestHost> StartAsync(ClusterScope scope, params string[] settings) => StartAsync(scope, configureServices: null, settings);

    /// <summary>Starts a host whose services <paramref name="configureServices"/> may replace (after all of the host's own).</summary>
    public static async Task<TestHost> StartAsync(ClusterScope scope, Action<IServiceCollection>? configureServices, params string[] settings)
    {
        var siloPort = FreePort.Next();
        var app = OzgGridHost.Build(Arguments(scope, siloPort, settings), configureServices);
        await app.StartAsync();
        var address = app.GatewayAddresses().Single();
        return new TestHost(app, address, new Uri(app.HttpAddresses().Single()), scope, siloPort);
    }

    /// <summary>The settings of a test host of <paramref name="scope"/>: loopback ports, the test storage, the scope's key.</summary>
    public static string[] Arguments(ClusterScope scope, int siloPort, params string[] settings) =>
        [
            "--Kestrel:Endpoints:Grpc:Url=http://127.0.0.1:0",
            "--Kestrel:Endpoints:Http:Url=http://127.0.0.1:0",
            // Plain HTTP on loopback outside Development needs the operator's explicit opt-in, as in production.
            "--OzgGrid:Tls:AllowPlaintext=true",
            $"--OzgGrid:Cluster:SiloPort={siloPort}",
            $"--OzgGrid:Cluster:ServiceId={scope.ServiceId}",
            $"--OzgGrid:Cluster:ClusterId={scope.ServiceId}",
            $"--OzgGrid:Storage:ConnectionString={TestStorage.ConnectionString}",
            $"--OzgGrid:Storage:TableName={scope.TableName}",
            $"--OzgGrid:Storage:BlobContainer={scope.BlobContainer}",
            $"--OzgGrid:Auth:Issuer={scope.Auth.Issuer}",
            $"--OzgGrid:Auth:SigningKeys:0={scope.Auth.SigningKeys[0]}",
            "--Logging:LogLevel:Default=Warning",
            .. settings,
        ];

    public async ValueTask DisposeAsync()
    {
        lock (_channels)
        {
            _channels.ForEach(channel => channel.Dispose());
        }

        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
