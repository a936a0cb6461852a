using System.Net;
using System.Net.Sockets;

namespace OzgGrid.Silo.Hosting;

/// <summary>
/// Refuses a start on a port another process holds, before the silo joins its cluster. Orleans binds its silo port
/// with address reuse, so a second silo on the port of a running one would start, take that one's place in the
/// membership table and declare it dead; and a gRPC or HTTP port in use would only fail after the silo had joined.
/// </summary>
public static class ListenPortCheck
{
    private const string EndpointsSection = "Kestrel:Endpoints";

    /// <exception cref="InvalidOperationException">A port is in use, naming its setting.</exception>
    public static void EnsureFree(IConfiguration configuration)
    {
        var cluster = configuration.GetSection(ClusterOptions.Section).Get<ClusterOptions>() ?? new();
        // A loopback advertised address is listened on alone; any other address means every address (as Orleans does).
        var siloAddress = IPAddress.TryParse(cluster.AdvertisedAddress, out var advertised) && IPAddress.IsLoopback(advertised)
            ? advertised
            : IPAddress.Any;
        var silo = new IPEndPoint(siloAddress, cluster.SiloPort);
        EnsureFree(silo, $"{ClusterOptions.Section}:SiloPort ({silo})",
            "another silo on this machine? Give each silo its own port, as `./ozg silo N` does");
        var gateway = new IPEndPoint(siloAddress, cluster.GatewayPort);
        EnsureFree(gateway, $"{ClusterOptions.Section}:GatewayPort ({gateway})", "give each silo its own port");

        foreach (var endpoint in configuration.GetSection(EndpointsSection).GetChildren())
        {
            if (endpoint["Url"] is { Length: > 0 } url && ListenEndpoint(url) is { } listen)
            {
                EnsureFree(listen, $"{EndpointsSection}:{endpoint.Key}:Url ({url})", "stop that process, or give this silo another URL");
            }
        }
    }

    private static void EnsureFree(IPEndPoint endpoint, string setting, string advice)
    {
        if (endpoint.Port == 0)
        {
            return;
        }

        using var socket = new Socket(endpoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            socket.Bind(endpoint);
        }
        catch (SocketException e) when (e.SocketErrorCode == SocketError.AddressAlreadyInUse)
        {
            throw new InvalidOperationException($"Refusing to start: {setting} is in use by another process: {advice}.", e);
        }
    }

    /// <summary>Where Kestrel listens for a URL; null for what it does not bind to a TCP port (a Unix socket).</summary>
    private static IPEndPoint? ListenEndpoint(string url)
    {
        BindingAddress address;
        try
        {
            address = BindingAddress.Parse(url);
        }
        catch (FormatException)
        {
            return null; // Kestrel refuses it itself, naming the URL.
        }

        if (address.IsUnixPipe || address.IsNamedPipe)
        {
            return null;
        }

        var host = address.Host.Trim('[', ']');
        var ip = IPAddress.TryParse(host, out var parsed) ? parsed
            : string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase) ? IPAddress.Loopback
            : IPAddress.Any;
        return new IPEndPoint(ip, address.Port);
    }
}
