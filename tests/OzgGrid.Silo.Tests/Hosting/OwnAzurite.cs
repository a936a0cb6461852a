using System.Diagnostics;
using System.Net.Sockets;

namespace OzgGrid.Silo.Tests.Hosting;

/// <summary>
/// An Azurite of a test's own, which it may stop and start again (the shared one must keep running for the others).
/// `./ozg test` passes the entry point of the Azurite it installed in OZGGRID_AZURITE_ENTRY.
/// </summary>
public sealed class OwnAzurite : IAsyncDisposable
{
    private const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private readonly string _entry;
    private readonly string _location = Path.Combine(Path.GetTempPath(), $"ozgtest-azurite-{Guid.NewGuid():N}");
    private readonly int[] _ports = [FreePort.Next(), FreePort.Next(), FreePort.Next()];
    private Process? _process;

    private OwnAzurite(string entry) => _entry = entry;

    public string ConnectionString =>
        $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={AccountKey};" +
        $"BlobEndpoint=http://127.0.0.1:{_ports[0]}/devstoreaccount1;QueueEndpoint=http://127.0.0.1:{_ports[1]}/devstoreaccount1;" +
        $"TableEndpoint=http://127.0.0.1:{_ports[2]}/devstoreaccount1;";

    public static async Task<OwnAzurite> StartAsync()
    {
        var entry = Environment.GetEnvironmentVariable("OZGGRID_AZURITE_ENTRY") is { Length: > 0 } path
            ? path
            : throw new InvalidOperationException("OZGGRID_AZURITE_ENTRY is not set: run the tests with `./ozg test`.");
        var azurite = new OwnAzurite(entry);
        await azurite.StartAgainAsync();
        return azurite;
    }

    /// <summary>Starts Azurite on the same ports and data folder as before.</summary>
    public async Task StartAgainAsync()
    {
        var start = new ProcessStartInfo("node")
        {
            ArgumentList =
            {
                _entry, "--silent", "--skipApiVersionCheck", "--disableTelemetry", "--loose",
                "--blobHost", "127.0.0.1", "--queueHost", "127.0.0.1", "--tableHost", "127.0.0.1",
                "--blobPort", _ports[0].ToString(), "--queuePort", _ports[1].ToString(), "--tablePort", _ports[2].ToString(),
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
        await Eventually.ReturnsAsync(() => Task.FromResult(_ports.All(Accepts)), all => all, "Azurite to listen");
    }

    /// <summary>Stops Azurite the way an operator would (SIGTERM), letting it save its data.</summary>
    public async Task StopAsync()
    {
        if (_process is null)
        {
            return;
        }

        using (var kill = Process.Start("kill", ["-TERM", _process.Id.ToString()]))
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
