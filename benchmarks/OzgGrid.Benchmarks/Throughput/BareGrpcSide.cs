using OzgGrid.Benchmarks.Hosting;
using OzgGrid.Gateway.Identity;

namespace OzgGrid.Benchmarks.Throughput;

/// <summary>
/// P1's baseline: the same UpdateLeistungStatus requests, over the same kind of channels (with a bearer token, which
/// nobody checks), to <see cref="BareGrpcServer"/>.
/// </summary>
public sealed class BareGrpcSide(BareGrpcServer server, StatusUpdateClients clients) : IThroughputSide
{
    /// <summary>As many made-up OZG-IDs as the catalogue has Leistungen, so the requests have the same shape.</summary>
    private const int Leistungen = 557;

    public static async Task<BareGrpcSide> StartAsync(ThroughputOptions options, CancellationToken cancellationToken)
    {
        var server = await BareGrpcServer.StartAsync(cancellationToken);
        var auth = TokenChannel.NewAuth();
        var channels = Enumerable.Range(0, options.Channels)
            .Select(_ => TokenChannel.Create(server.Address, auth, Roles.ProgrammManagement, OzgGridSide.Subject))
            .ToList();
        var leistungen = Enumerable.Range(10000, Leistungen).Select(ozgId => (ozgId, 0)).ToList();
        var updates = new StatusUpdates(leistungen, options.Callers, $"bare-{Guid.NewGuid():N}");
        return new BareGrpcSide(server, new StatusUpdateClients(channels, updates));
    }

    public Task CallAsync(int caller) => clients.SendAsync(caller);

    public async ValueTask DisposeAsync()
    {
        clients.Dispose();
        await server.DisposeAsync();
    }
}
