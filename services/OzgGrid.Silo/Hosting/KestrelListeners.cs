using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Server.Kestrel;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace OzgGrid.Silo.Hosting;

/// <summary>
/// The listener of the Kestrel endpoint "Http" (Kestrel:Endpoints:Http), as bound: tells the HTTP/1.1 listener for
/// operations (health, metrics, dashboard) from the gRPC listener, also when configuration asked for port 0.
/// </summary>
public sealed class KestrelListeners
{
    /// <summary>The gRPC gateway's endpoint (HTTP/2; TLS with an https:// URL).</summary>
    public const string GrpcEndpoint = "Grpc";

    /// <summary>The operations endpoint (HTTP/1.1): health, metrics, dashboard.</summary>
    public const string HttpEndpoint = "Http";

    private readonly ConcurrentDictionary<string, ListenOptions> _byName = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The port the operations endpoint listens on once bound; null when no endpoint "Http" is configured.</summary>
    public int? HttpPort => _byName.TryGetValue(HttpEndpoint, out var listener) && listener.EndPoint is IPEndPoint bound ? bound.Port : null;

    /// <summary>Remembers the listener of the endpoint "Http" when Kestrel loads its configuration.</summary>
    public void Track(KestrelConfigurationLoader loader) =>
        loader.Endpoint(HttpEndpoint, endpoint => _byName[HttpEndpoint] = endpoint.ListenOptions);

    /// <summary>Whether a listening address (as Kestrel reports it, e.g. "http://127.0.0.1:8080") is the operations endpoint's.</summary>
    public bool IsHttpAddress(string address) => HttpPort is { } port && new Uri(address).Port == port;

    /// <summary>Whether a request came in on the operations endpoint; true for every request when there is none.</summary>
    public bool CameInOnHttpEndpoint(HttpContext context) => HttpPort is not { } port || context.Connection.LocalPort == port;
}
