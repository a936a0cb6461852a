using System.Diagnostics;
using System.Globalization;
using System.Net.Sockets;
using OzgGrid.Benchmarks.Hosting;

namespace OzgGrid.Benchmarks.Soak;

/// <summary>
/// The soak's own Azurite, a process it stops and starts again on the same ports and data folder (a storage outage).
/// `./ozg bench soak` and `./ozg test` pass the entry point of the Azurite they installed in <see cref="EntryVariable"/>.
/// </summary>
public sealed class SoakAzurite : IAsyncDisposable
{
    public const string EntryVariable = "OZGGRID_AZURITE_ENTRY";

    /// <summary>The well-known Azurite development account key (public, not a secret).</summary>
    private const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);

    private readonly string _entry;
    private readonly string _location = Path.Combine(Path.GetTempPath(), $"ozgsoak-azurite-{Guid.NewGuid():N}");
    private readonly int[] _ports = [FreePort.Next(), FreePort.Next(), FreePort.Next()];
    private Process? _process;

    private SoakAzurite(string entry) => _entry = entry;

    public string ConnectionString =>
        $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={AccountKey};" +
        $"BlobEndpoint=http://127.0.0.1:{_ports[0]}/devstoreaccount1;QueueEndpoint=http://127.0.0.1:{_ports[1]}/devstoreaccount1;" +
        $"TableEndpoint=http://127.0.0.1:{_ports[2]}/devstoreaccount1;";

    public static async Task<SoakAzurite> StartAsync(CancellationToken cancellationToken)
    {
        var entry = Environment.GetEnvironmentVariable(EntryVariable) is { Length: > 0 } path
            ? path
            : throw new InvalidOperationException($"{EntryVariable} is not set: run the soak with `./ozg bench soak` (or the tests with `./ozg test`).");
        var azurite = new SoakAzurite(entry);
        await azurite.StartAgainAsync(cancellationToken);
        return azurite;
    }

    /// <summary>Starts Azurite on the same ports and data folder as before, and waits until all three ports accept connections.</summary>
    public async Task StartAgainAsync(CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo("node")
        {
            ArgumentList =
            {
                _entry, "--silent", "--skipApiVersionCheck", "--disableTelemetry", "--loose",
                "--blobHost", "127.0.0.1", "--queueHost", "127.0.0.1", "--tableHost", "127.0.0.1",
                "--blobPort", Port(0), "--queuePort", Port(1), "--tablePort", Port(2),
                "--location", _location,
            },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        _process = Process.Start(start) ?? throw new InvalidOperationException("node did not start.");
        _process.OutputDataReceived += (_, _) => { };
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        await Poll.RequireAsync(() => Task.FromResult(_ports.All(Accepts)), StartTimeout, "Azurite to listen", cancellationToken);
    }

    /// <summary>Stops Azurite as an operator would (SIGTERM, so that it saves its data) and waits until it has exited.</summary>
    public async Task StopAsync()
    {
        if (_process is null)
        {
            return;
        }

        using (var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync();
        }

        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        await _process.WaitForExitAsync(deadline.Token);
        _process.Dispose();
        _process = null;
    }

    public async ValueTask DisposeAsync()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process?.Dispose();
        if (Directory.Exists(_location))
        {
            Directory.Delete(_location, recursive: true);
        }
    }

    private string Port(int index) => _ports[index].ToString(CultureInfo.InvariantCulture);

    private static bool Accepts(int port)
    {
        try
        {
            using var client = new TcpClient();
            client.Connect("127.0.0.1", port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
