using System.Net;
using System.Net.Sockets;

namespace OzgGrid.Benchmarks.Hosting;

/// <summary>
/// Loopback ports for the hosts, silos and Azurites that the benchmarks and tests start. They come from below the range
/// the OS hands out for outgoing connections and port 0 (32768–60999 on Linux): a port from that range, free when
/// checked, may be taken by any new connection before its host binds it, and a host started again on its old ports (a
/// restarted Azurite or silo) found them taken on a loaded machine. A port below that range is taken only by a bind
/// that names it.
/// </summary>
public static class FreePort
{
    private const int First = 20_000;
    private const int Last = 32_767;

    // Never the same port twice in one process: two hosts given their ports before either binds must not share one.
    private static readonly HashSet<int> HandedOut = [];

    public static int Next()
    {
        lock (HandedOut)
        {
            for (var attempt = 0; attempt < 1_000; attempt++)
            {
                var port = Random.Shared.Next(First, Last + 1);
                if (!HandedOut.Contains(port) && IsFree(port))
                {
                    HandedOut.Add(port);
                    return port;
                }
            }
        }

        throw new InvalidOperationException($"No free loopback port between {First} and {Last}.");
    }

    private static bool IsFree(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
