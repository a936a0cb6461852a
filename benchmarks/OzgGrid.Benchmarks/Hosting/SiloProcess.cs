using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using OzgGrid.Gateway.Identity;

namespace OzgGrid.Benchmarks.Hosting;

/// <summary>
/// The silo as its own operating-system process, from services/OzgGrid.Silo's build output (`dotnet OzgGrid.Silo.dll`),
/// as an operator runs it, on the given (by default free) loopback ports and storage names.
/// </summary>
public sealed class SiloProcess : IAsyncDisposable
{
    /// <summary>Lines of the silo's output kept for a report when it fails.</summary>
    private const int KeptLines = 40;

    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(60);

    private readonly Process _process;
    private readonly ConcurrentQueue<string> _lines = new();
    private readonly string? _logFile;

    private SiloProcess(Process process, Uri address, long startedAt, string? logFile)
    {
        _process = process;
        Address = address;
        StartedAt = startedAt;
        _logFile = logFile;
        process.OutputDataReceived += (_, line) => Keep(line.Data);
        process.ErrorDataReceived += (_, line) => Keep(line.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    /// <summary>Where its gRPC gateway will listen.</summary>
    public Uri Address { get; }

    /// <summary>Stopwatch timestamp taken just before the process was started.</summary>
    public long StartedAt { get; }

    public bool HasExited => _process.HasExited;

    /// <summary>CPU time the process has used so far (all its threads).</summary>
    public TimeSpan CpuTime => _process.TotalProcessorTime;

    /// <summary>The last lines the silo wrote.</summary>
    public string RecentOutput => string.Join(Environment.NewLine, _lines);

    /// <summary>
    /// Starts the silo; <paramref name="extraArguments"/> come after the others (so they win), its output is appended
    /// to <paramref name="logFile"/> when given.
    /// </summary>
    public static SiloProcess Start(
        string connectionString, string storageName, AuthOptions auth, SiloPorts? ports = null, IEnumerable<string>? extraArguments = null, string? logFile = null)
    {
        ports ??= SiloPorts.Free();
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList =
            {
                RepositoryLayout.SiloAssembly(),
                $"--Kestrel:Endpoints:Grpc:Url=http://127.0.0.1:{ports.Grpc}",
                $"--Kestrel:Endpoints:Http:Url=http://127.0.0.1:{ports.Http}",
                "--OzgGrid:Tls:AllowPlaintext=true",
                $"--OzgGrid:Cluster:SiloPort={ports.Silo}",
                $"--OzgGrid:Cluster:ServiceId={storageName}",
                $"--OzgGrid:Cluster:ClusterId={storageName}",
                $"--OzgGrid:Storage:ConnectionString={connectionString}",
                $"--OzgGrid:Storage:TableName={storageName}",
                $"--OzgGrid:Storage:BlobContainer={storageName}",
                $"--OzgGrid:Auth:Issuer={auth.Issuer}",
                $"--OzgGrid:Auth:SigningKeys:0={auth.SigningKeys[0]}",
                "--Logging:LogLevel:Default=Warning",
            },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in extraArguments ?? [])
        {
            start.ArgumentList.Add(argument);
        }

        var startedAt = Stopwatch.GetTimestamp();
        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
        return new SiloProcess(process, new Uri($"http://127.0.0.1:{ports.Grpc}"), startedAt, logFile);
    }

    /// <summary>Kills the process outright (SIGKILL): no shutdown, as when a machine dies.</summary>
    public async Task KillAsync()
    {
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
    }

    /// <summary>Stops the silo as an operator does (SIGTERM) and waits for its graceful shutdown; the seconds that took.</summary>
    public async Task<double> StopAsync()
    {
        var startedAt = Stopwatch.GetTimestamp();
        using (var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync();
        }

        using var deadline = new CancellationTokenSource(StopTimeout);
        await _process.WaitForExitAsync(deadline.Token);
        return Stopwatch.GetElapsedTime(startedAt).TotalSeconds;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        _lines.Enqueue(line);
        if (_logFile is not null)
        {
            lock (_lines)
            {
                File.AppendAllText(_logFile, line + Environment.NewLine);
            }
        }

        while (_lines.Count > KeptLines)
        {
            _lines.TryDequeue(out _);
        }
    }
}
