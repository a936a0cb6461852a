using System.Collections.Concurrent;
using System.Diagnostics;
using Grpc.Core;
using OzgGrid.Protos.V1;

namespace OzgGrid.Silo.Tests.Processes;

/// <summary>
/// Status updates as IT-Dienstleister send them while the cluster changes: a few writers, each cycling through its own
/// Leistungen, retrying a refused call with the same request id (applied at most once) until it is acknowledged.
/// </summary>
public sealed class UpdateLoad : IAsyncDisposable
{
    /// <summary>How long a writer waits before it tries a refused call again, as a client backs off.</summary>
    private static readonly TimeSpan RetryBackoff = TimeSpan.FromMilliseconds(100);

    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly CancellationTokenSource _stop = new();
    private readonly Task[] _writers;

    private UpdateLoad(LeistungService.LeistungServiceClient client, int[] ozgIds, int leistungenPerWriter)
    {
        OzgIds = ozgIds;
        _writers = [.. ozgIds.Chunk(leistungenPerWriter).Select(mine => Task.Run(() => WriteAsync(client, mine)))];
    }

    public int[] OzgIds { get; }

    /// <summary>The newest acknowledged answer per Leistung.</summary>
    public ConcurrentDictionary<int, UpdateLeistungStatusResponse> Acknowledged { get; } = new();

    public ConcurrentBag<(int OzgId, TimeSpan At)> Acknowledgements { get; } = [];

    public TimeSpan Now => _clock.Elapsed;

    public static UpdateLoad Start(LeistungService.LeistungServiceClient client, int[] ozgIds, int leistungenPerWriter = 4) =>
        new(client, ozgIds, leistungenPerWriter);

    public int AcknowledgedSince(TimeSpan moment) => Acknowledgements.Count(a => a.At > moment);

    /// <summary>How long after <paramref name="moment"/> the Leistung that waited longest was acknowledged again.</summary>
    public (int OzgId, TimeSpan After) SlowestResumeAfter(TimeSpan moment) =>
        OzgIds.Select(ozgId => (ozgId, Acknowledgements.Where(a => a.OzgId == ozgId && a.At > moment)
                .Select(a => a.At - moment).DefaultIfEmpty(TimeSpan.MaxValue).Min()))
            .MaxBy(resume => resume.Item2);

    public async Task StopAsync()
    {
        await _stop.CancelAsync();
        await Task.WhenAll(_writers);
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _stop.Dispose();
    }

    private async Task WriteAsync(LeistungService.LeistungServiceClient client, int[] mine)
    {
        for (var round = 0; !_stop.IsCancellationRequested; round++)
        {
            // Each visit to a Leistung sets another Reifegrad than the last one did, so every update is a change
            // with a new version (a repeated value would be acknowledged without one).
            var visit = round / mine.Length;
            var request = new UpdateLeistungStatusRequest { OzgId = mine[round % mine.Length], RequestId = Guid.NewGuid().ToString(), Reifegrad = 1 + (visit % 4) };
            while (!_stop.IsCancellationRequested)
            {
                try
                {
                    var response = await client.UpdateLeistungStatusAsync(request, deadline: DateTime.UtcNow.AddSeconds(5));
                    Acknowledged.AddOrUpdate(request.OzgId, response, (_, known) => response.Version > known.Version ? response : known);
                    Acknowledgements.Add((request.OzgId, _clock.Elapsed));
                    break;
                }
                catch (RpcException)
                {
                    await Task.Delay(RetryBackoff);
                }
            }
        }
    }
}
