using System.Diagnostics;
using Grpc.Core;
using Grpc.Health.V1;
using Grpc.Net.Client;
using OzgGrid.Silo.Tests.Hosting;

namespace OzgGrid.Silo.Tests.Processes;

/// <summary>A silo as its own operating-system process, started from the silo's build output, as an operator runs it.</summary>
public sealed class SiloProcess : IAsyncDisposable
{
    private static readonly TimeSpan StartDeadline = TimeSpan.FromMinutes(3);

    private readonly Process _process;

    private SiloProcess(Process process, int grpcPort, int siloPort)
    {
        _process = process;
        GrpcPort = grpcPort;
        SiloPort = siloPort;
    }

    public int GrpcPort { get; }

    public int SiloPort { get; }

    public string Address => $"http://127.0.0.1:{GrpcPort}";

    public bool HasExited => _process.HasExited;

    /// <summary>Starts a silo of the cluster <paramref name="scope"/> on the store of <paramref name="storeSettings"/> and waits until it serves.</summary>
    public static async Task<SiloProcess> StartAsync(ClusterScope scope, IReadOnlyList<string> storeSettings)
    {
        var grpcPort = FreePort.Next();
        var siloPort = FreePort.Next();
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList =
            {
                SiloAssembly(),
                $"--Kestrel:Endpoints:Grpc:Url=http://127.0.0.1:{grpcPort}",
                $"--Kestrel:Endpoints:Http:Url=http://127.0.0.1:{FreePort.Next()}",
                "--OzgGrid:Tls:AllowPlaintext=true",
                $"--OzgGrid:Cluster:SiloPort={siloPort}",
                $"--OzgGrid:Cluster:ServiceId={scope.ServiceId}",
                $"--OzgGrid:Cluster:ClusterId={scope.ServiceId}",
                $"--OzgGrid:Storage:TableName={scope.TableName}",
                $"--OzgGrid:Storage:BlobContainer={scope.BlobContainer}",
                $"--OzgGrid:Auth:Issuer={scope.Auth.Issuer}",
                $"--OzgGrid:Auth:SigningKeys:0={scope.Auth.SigningKeys[0]}",
                "--OzgGrid:RateLimit:PermitsPerSecond=0",
                "--OzgGrid:Monitoring:HubRefreshInterval=00:00:02",
                "--OzgGrid:Monitoring:ReconciliationInterval=00:00:10",
                "--Logging:LogLevel:Default=Warning",
                "--Logging:LogLevel:OzgGrid=Information",
            },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var setting in storeSettings)
        {
            start.ArgumentList.Add(setting);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
        // OZGGRID_TEST_SILO_LOG_DIR keeps each silo's console output (warnings and errors) for a post-mortem.
        var logDirectory = Environment.GetEnvironmentVariable("OZGGRID_TEST_SILO_LOG_DIR");
        var log = string.IsNullOrEmpty(logDirectory) ? null : Path.Combine(logDirectory, $"silo-{grpcPort}.log");
        var logGate = new Lock();
        DataReceivedEventHandler keep = (_, line) =>
        {
            if (log is not null && line.Data is not null)
            {
                lock (logGate)
                {
                    File.AppendAllText(log, line.Data + Environment.NewLine);
                }
            }
        };
        process.OutputDataReceived += keep;
        process.ErrorDataReceived += keep;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var silo = new SiloProcess(process, grpcPort, siloPort);
        try
        {
            // Two silos that start together, JIT and join on a loaded 2-core machine took over a minute (P6 measures start time).
            await Eventually.ReturnsAsync(silo.IsServingAsync, serving => serving || process.HasExited, $"the silo on port {grpcPort} to serve", StartDeadline);
        }
        catch (TimeoutException)
        {
            // Nobody holds a silo that never served: it must not outlive the test run.
            await silo.DisposeAsync();
            throw;
        }

        return process.HasExited ? throw new InvalidOperationException($"The silo on port {grpcPort} exited with {process.ExitCode}.") : silo;
    }

    /// <summary>
    /// Runs the silo program with <paramref name="arguments"/> as an operator starts it, for a start that must fail:
    /// its exit code and everything it printed. A silo still running at <paramref name="deadline"/> is killed and the
    /// exit code is null.
    /// </summary>
    public static async Task<(int? ExitCode, string Output)> RunToExitAsync(
        IEnumerable<string> arguments, TimeSpan deadline, IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        start.ArgumentList.Add(SiloAssembly());
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(deadline);
        int? exitCode;
        try
        {
            await process.WaitForExitAsync(timeout.Token);
            exitCode = process.ExitCode;
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            exitCode = null;
        }

        return (exitCode, await error + await output);
    }

    /// <summary>Kills the process outright (SIGKILL): no shutdown, as when a machine dies.</summary>
    public async Task KillAsync()
    {
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
    }

    /// <summary>Stops the silo as an operator does (SIGTERM) and waits for its graceful shutdown.</summary>
    public async Task StopAsync()
    {
        using (var kill = Process.Start("kill", ["-TERM", _process.Id.ToString()]))
        {
            await kill.WaitForExitAsync();
        }

        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await _process.WaitForExitAsync(deadline.Token);
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            await KillAsync();
        }

        _process.Dispose();
    }

    /// <summary>The silo's own build output, of the same configuration as these tests.</summary>
    internal static string SiloAssembly()
    {
        var path = Path.Combine(Repository.Root, "services", "OzgGrid.Silo", "bin", Repository.Configuration, "net10.0", "OzgGrid.Silo.dll");
        return File.Exists(path) ? path : throw new InvalidOperationException($"The silo is not built: {path}");
    }

    /// <summary>Whether the silo answers the gRPC health check with SERVING (its readiness checks pass).</summary>
    public async Task<bool> IsServingAsync()
    {
        try
        {
            using var channel = GrpcChannel.ForAddress(Address);
            var response = await new Health.HealthClient(channel).CheckAsync(new HealthCheckRequest(), deadline: DateTime.UtcNow.AddSeconds(2));
            return response.Status == HealthCheckResponse.Types.ServingStatus.Serving;
        }
        catch (RpcException)
        {
            return false;
        }
    }
}
