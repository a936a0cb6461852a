using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace OzgGrid.Benchmarks.Hosting;

/// <summary>
/// Loopback ports for the hosts, silos and Azurites that the benchmarks and tests start. They come from below the range
/// the OS hands out for outgoing connections and port 0 (32768–60999 on Linux): a port from that range, free when
/// checked, may be taken by any new connection before its host binds it, and a host started again on its old ports (a
/// restarted Azurite or silo) found them taken on a loaded machine. A port below that range is taken only by a bind
/// that names it. The test assemblies run side by side, so a port is also claimed across processes (see
/// <see cref="TryClaim"/>), and Orleans' test clusters' silo ports (22300–29999, claimed by their own scheme) are left
/// out.
/// </summary>
public static class FreePort
{
    private static readonly (int First, int Last)[] Ranges = [(20_000, 22_299), (30_000, 32_767)];

    /// <summary>One file per claimed port, locked by the process that claimed it for as long as it runs.</summary>
    internal static readonly string ClaimFolder = Path.Combine(Path.GetTempPath(), "ozggrid-ports");

    // Never the same port twice in one process: two hosts given their ports before either binds must not share one.
    private static readonly HashSet<int> HandedOut = [];

    // The claims' open files: closing one (at the latest when the process ends) frees its port for other processes.
    private static readonly List<FileStream> Claims = [];

    public static int Next()
    {
        lock (HandedOut)
        {
            for (var attempt = 0; attempt < 1_000; attempt++)
            {
                var (first, last) = Ranges[Random.Shared.Next(Ranges.Length)];
                var port = Random.Shared.Next(first, last + 1);
                if (!HandedOut.Contains(port) && IsFree(port) && TryClaim(port))
                {
                    HandedOut.Add(port);
                    return port;
                }
            }
        }

        throw new InvalidOperationException($"No free loopback port in {string.Join(" or ", Ranges.Select(r => $"{r.First}–{r.Last}"))}.");
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

    /// <summary>
    /// An exclusive lock on the port's file (.NET locks a file opened without sharing with flock on Unix): another process
    /// handing out ports skips it, also while the host it was given to is stopped and its port unbound (a silo or Azurite
    /// started again on the same ports).
    /// </summary>
    internal static bool TryClaim(int port)
    {
        try
        {
            Directory.CreateDirectory(ClaimFolder);
            Claims.Add(new FileStream(Path.Combine(ClaimFolder, port.ToString(CultureInfo.InvariantCulture)), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None));
            return true;
        }
        catch (IOException)
        {
            return false;
        }
        catch (UnauthorizedAccessException)
        {
            // The folder belongs to another user: ports are then unique within this process only, as before claims.
            return true;
        }
    }
}
