using System.Collections.Concurrent;
using Grpc.Core;
using Grpc.Net.Client;
using OzgGrid.Protos.V1;

namespace OzgGrid.Silo.Tests.Processes;

/// <summary>
/// A monitoring client as a dashboard runs one: it watches some Leistungen, and when its stream ends it reconnects
/// (to whichever silo the next channel reaches) with the cursor it saw last. It remembers the newest version it has
/// learnt of per Leistung, from snapshots and changes alike, and how each stream began.
/// </summary>
public sealed class ResumingWatcher : IAsyncDisposable
{
    private static readonly TimeSpan ReconnectBackoff = TimeSpan.FromMilliseconds(200);

    private readonly Func<GrpcChannel> _connect;
    private readonly int[] _ozgIds;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _watching;
    private string _cursor = string.Empty;

    private ResumingWatcher(Func<GrpcChannel> connect, int[] ozgIds)
    {
        _connect = connect;
        _ozgIds = ozgIds;
        _watching = Task.Run(WatchAsync);
    }

    /// <summary>The newest version seen per Leistung.</summary>
    public ConcurrentDictionary<int, long> Known { get; } = new();

    /// <summary>How each stream began ("snapshot INITIAL", "resumed", …) and how it ended, in order.</summary>
    public ConcurrentQueue<string> Events { get; } = new();

    public int ChangesSeen => _changesSeen;

    private int _changesSeen;

    public static ResumingWatcher Start(Func<GrpcChannel> connect, int[] ozgIds) => new(connect, ozgIds);

    /// <summary>True once every Leistung is known at the given version or a later one.</summary>
    public bool Knows(IReadOnlyDictionary<int, UpdateLeistungStatusResponse> acknowledged) =>
        acknowledged.All(ack => Known.TryGetValue(ack.Key, out var version) && version >= ack.Value.Version);

    public override string ToString() =>
        $"{_changesSeen} changes; versions {string.Join(", ", Known.OrderBy(k => k.Key).Select(k => $"{k.Key}:{k.Value}"))}; streams: {string.Join(" → ", Events)}";

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _watching;
        _stop.Dispose();
    }

    private async Task WatchAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            try
            {
                using var channel = _connect();
                using var call = new MonitoringService.MonitoringServiceClient(channel).WatchProgramme(
                    new WatchProgrammeRequest { OzgIds = { _ozgIds }, ResumeCursor = _cursor }, cancellationToken: _stop.Token);
                await foreach (var message in call.ResponseStream.ReadAllAsync(_stop.Token))
                {
                    Take(message);
                }

                Events.Enqueue("ended");
            }
            catch (RpcException exception) when (!_stop.IsCancellationRequested)
            {
                Events.Enqueue($"ended {exception.StatusCode}");
            }
            catch (Exception) when (_stop.IsCancellationRequested)
            {
                return;
            }

            try
            {
                await Task.Delay(ReconnectBackoff, _stop.Token);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private void Take(WatchProgrammeResponse message)
    {
        switch (message.EventCase)
        {
            case WatchProgrammeResponse.EventOneofCase.Snapshot:
                Events.Enqueue($"snapshot {message.Snapshot.Reason} at {message.Snapshot.Cursor}");
                foreach (var leistung in message.Snapshot.Leistungen)
                {
                    Learn(leistung);
                }

                _cursor = message.Snapshot.Cursor;
                break;
            case WatchProgrammeResponse.EventOneofCase.Resumed:
                Events.Enqueue($"resumed after {message.Resumed.AfterCursor}");
                break;
            case WatchProgrammeResponse.EventOneofCase.LeistungChanged:
                Interlocked.Increment(ref _changesSeen);
                Learn(message.LeistungChanged.Leistung);
                _cursor = message.LeistungChanged.Cursor;
                break;
            case WatchProgrammeResponse.EventOneofCase.FiguresChanged:
                _cursor = message.FiguresChanged.Cursor;
                break;
            case WatchProgrammeResponse.EventOneofCase.Heartbeat:
                _cursor = message.Heartbeat.Cursor;
                break;
        }
    }

    private void Learn(LeistungSummary leistung) =>
        Known.AddOrUpdate(leistung.OzgId, leistung.Version, (_, known) => Math.Max(known, leistung.Version));
}
