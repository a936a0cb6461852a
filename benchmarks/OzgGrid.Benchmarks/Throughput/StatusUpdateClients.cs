using Grpc.Net.Client;
using OzgGrid.Protos.V1;

namespace OzgGrid.Benchmarks.Throughput;

/// <summary>The client half of both sides of P1: callers spread over a few channels, each sending its next <see cref="StatusUpdates"/> request.</summary>
public sealed class StatusUpdateClients(IReadOnlyList<GrpcChannel> channels, StatusUpdates updates) : IDisposable
{
    private readonly LeistungService.LeistungServiceClient[] _clients = [.. channels.Select(channel => new LeistungService.LeistungServiceClient(channel))];

    /// <summary>Sends caller <paramref name="caller"/>'s next update over its channel (caller i uses channel i mod channels).</summary>
    public async Task<(UpdateLeistungStatusRequest Request, UpdateLeistungStatusResponse Response)> SendAsync(int caller)
    {
        var request = updates.Next(caller);
        return (request, await _clients[caller % _clients.Length].UpdateLeistungStatusAsync(request));
    }

    public void Dispose()
    {
        foreach (var channel in channels)
        {
            channel.Dispose();
        }
    }
}
