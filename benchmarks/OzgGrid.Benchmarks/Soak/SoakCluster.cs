using System.Globalization;
using Grpc.Health.V1;
using Grpc.Net.Client;
using OzgGrid.Benchmarks.Hosting;
using OzgGrid.Gateway.Identity;

namespace OzgGrid.Benchmarks.Soak;

/// <summary>
/// Three silo processes (services/OzgGrid.Silo's build output) of one cluster on the soak's own Azurite. Each silo
/// keeps its ports across restarts, so that a client channel balanced over the three finds it again.
/// </summary>
public sealed class SoakCluster : IAsyncDisposable
{
    public const int SiloCount = 3;

    private static readonly TimeSpan ServeTimeout = TimeSpan.FromMinutes(3);
    private static readonly TimeSpan TokenLifetime = TimeSpan.FromHours(12);

    private readonly SiloProcess?[] _silos = new SiloProcess?[SiloCount];
    private readonly SiloPorts[] _ports = [.. Enumerable.Range(0, SiloCount).Select(_ => SiloPorts.Free())];
    private readonly string _logDirectory;

    private SoakCluster(SoakAzurite azurite, string logDirectory)
    {
        Azurite = azurite;
        _logDirectory = logDirectory;
    }

    public SoakAzurite Azurite { get; }

    /// <summary>Table, blob container, ServiceId and ClusterId of this run.</summary>
    public string StorageName { get; } = BenchmarkHost.NewStorageName().Replace("bench", "soak", StringComparison.Ordinal);

    public AuthOptions Auth { get; } = TokenChannel.NewAuth();

    /// <summary>Starts Azurite, then the first silo (it imports the catalogue), then the other two.</summary>
    public static async Task<SoakCluster> StartAsync(string logDirectory, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(logDirectory);
        var cluster = new SoakCluster(await SoakAzurite.StartAsync(cancellationToken), logDirectory);
        try
        {
            await cluster.StartSiloAsync(0, cancellationToken);
            await Task.WhenAll(cluster.StartSiloAsync(1, cancellationToken), cluster.StartSiloAsync(2, cancellationToken));
            return cluster;
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }
    }

    /// <summary>Kills (SIGKILL) or stops (SIGTERM, graceful) silo <paramref name="index"/>, then starts it again on its ports and waits until it serves.</summary>
    public async Task RestartSiloAsync(int index, bool kill, CancellationToken cancellationToken)
    {
        if (_silos[index] is { } silo)
        {
            if (kill)
            {
                await silo.KillAsync();
            }
            else
            {
                await silo.StopAsync();
            }

            await silo.DisposeAsync();
            _silos[index] = null;
        }

        await StartSiloAsync(index, cancellationToken);
    }

    /// <summary>A bearer token of this cluster's issuer.</summary>
    public string Token(string role, string subject, string? itDienstleister = null) =>
        AccessTokens.Issue(Auth, subject, role, itDienstleister, TokenLifetime, DateTimeOffset.UtcNow);

    /// <summary>A channel balanced over the three silos whose calls carry <paramref name="token"/> (none when null).</summary>
    public GrpcChannel Channel(string? token) => BalancedChannel.Create(_ports.Select(p => p.Grpc), token);

    /// <summary>The last lines every silo wrote, for a failure report.</summary>
    public string RecentOutput() =>
        string.Join(Environment.NewLine, _silos.Select((s, i) => $"silo {i}:{Environment.NewLine}{s?.RecentOutput}"));

    public async ValueTask DisposeAsync()
    {
        await Task.WhenAll(_silos.OfType<SiloProcess>().Where(s => !s.HasExited).Select(StopQuietlyAsync));
        foreach (var silo in _silos.OfType<SiloProcess>())
        {
            await silo.DisposeAsync();
        }

        await Azurite.DisposeAsync();
    }

    private static async Task StopQuietlyAsync(SiloProcess silo)
    {
        try
        {
            await silo.StopAsync();
        }
        catch (OperationCanceledException)
        {
            // It did not stop within the timeout: disposing it kills it.
        }
    }

    private async Task StartSiloAsync(int index, CancellationToken cancellationToken)
    {
        var log = Path.Combine(_logDirectory, $"{StorageName}-silo-{index}.log");
        await File.AppendAllTextAsync(log, $"--- started {DateTime.UtcNow:O}{Environment.NewLine}", cancellationToken);
        string[] settings =
        [
            // The load of many callers comes from one process here: the per-caller limit would refuse it.
            "--OzgGrid:RateLimit:PermitsPerSecond=0",
            "--OzgGrid:Monitoring:HubRefreshInterval=00:00:02",
            "--OzgGrid:Monitoring:ReconciliationInterval=00:00:10",
        ];
        var silo = SiloProcess.Start(Azurite.ConnectionString, StorageName, Auth, _ports[index], settings, log);
        _silos[index] = silo;
        using var channel = GrpcChannel.ForAddress(silo.Address);
        var health = new Health.HealthClient(channel);
        var serving = await Poll.UntilAsync(
            async () => silo.HasExited || (await health.CheckAsync(new HealthCheckRequest(), deadline: DateTime.UtcNow.AddSeconds(2), cancellationToken: cancellationToken))
                .Status == HealthCheckResponse.Types.ServingStatus.Serving,
            ServeTimeout,
            cancellationToken);
        if (!serving || silo.HasExited)
        {
            throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture,
                $"Silo {index} (gRPC port {_ports[index].Grpc}) did not serve within {ServeTimeout.TotalSeconds:0} s (exited: {silo.HasExited}); see {log}:{Environment.NewLine}{silo.RecentOutput}"));
        }
    }
}
