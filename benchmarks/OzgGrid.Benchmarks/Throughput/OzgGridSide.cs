using OzgGrid.Benchmarks.Hosting;
using OzgGrid.Benchmarks.Load;
using OzgGrid.Gateway.Identity;
using OzgGrid.Protos.V1;

namespace OzgGrid.Benchmarks.Throughput;

/// <summary>
/// OzgGrid's side: UpdateLeistungStatus (role programm-management) on a fresh <see cref="BenchmarkHost"/> with the
/// shipped catalogue. A call counts only if it made a new version (the answer names its request id). P1's floor is the
/// same side on a host with the <see cref="NoOpGrainInterceptor"/>.
/// </summary>
public sealed class OzgGridSide(BenchmarkHost host, StatusUpdateClients clients) : IThroughputSide
{
    public const string Subject = "benchmark-throughput";

    public BenchmarkHost Host => host;

    public static async Task<OzgGridSide> StartAsync(BenchmarkHostSettings settings, ThroughputOptions options, CancellationToken cancellationToken)
    {
        var host = await BenchmarkHost.StartAsync(settings, cancellationToken);
        var channels = Enumerable.Range(0, options.Channels)
            .Select(_ => host.ChannelFor(Roles.ProgrammManagement, Subject))
            .ToList();
        var leistungen = await CatalogListing.ListLeistungenAsync(new LeistungService.LeistungServiceClient(channels[0]), cancellationToken);
        var updates = new StatusUpdates(
            [.. leistungen.Select(leistung => (leistung.OzgId, leistung.Status?.Reifegrad ?? 0))], options.Callers, $"ozg-{Guid.NewGuid():N}");
        return new OzgGridSide(host, new StatusUpdateClients(channels, updates));
    }

    public async Task CallAsync(int caller)
    {
        var (request, response) = await clients.SendAsync(caller);
        if (response.LastChange?.RequestId != request.RequestId)
        {
            throw new InvalidOperationException("answered without a new version");
        }
    }

    public async ValueTask DisposeAsync()
    {
        clients.Dispose();
        await host.DisposeAsync();
    }
}
