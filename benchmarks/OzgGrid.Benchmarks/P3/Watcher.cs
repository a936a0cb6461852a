using System.Collections.Concurrent;
using System.Diagnostics;
using Grpc.Core;
using OzgGrid.Protos.V1;

namespace OzgGrid.Benchmarks.P3;

/// <summary>
/// One WatchProgramme stream without a filter, read by a task of its own that notes, for every status change, the
/// Leistung, its version and the moment it arrived. A status change may also come as an Abgleich: when the
/// aggregator's recount saw the new version before the change itself reached the aggregator.
/// </summary>
public sealed class Watcher : IAsyncDisposable
{
    private readonly AsyncServerStreamingCall<WatchProgrammeResponse> _call;
    private readonly CancellationTokenSource _stop = new();
    private readonly TaskCompletionSource _snapshot = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly List<Arrival> _arrivals;
    private readonly ConcurrentDictionary<int, long> _latest = new();
    private readonly Task _reading;
    private int _statusChanges;
    private int _resyncs;
    private bool _disposed;

    private Watcher(AsyncServerStreamingCall<WatchProgrammeResponse> call, int expectedChanges)
    {
        _call = call;
        _arrivals = new List<Arrival>(expectedChanges);
        _reading = Task.Run(ReadAsync);
    }

    /// <summary>Completes with the initial snapshot; fails if the stream ends before it.</summary>
    public Task Snapshot => _snapshot.Task;

    /// <summary>True once a change of the Leistung at this version or a later one has arrived.</summary>
    public bool HasSeen(int ozgId, long version) => _latest.TryGetValue(ozgId, out var latest) && latest >= version;

    /// <summary>Status changes (or Abgleich changes) received so far.</summary>
    public int StatusChanges => Volatile.Read(ref _statusChanges);

    /// <summary>Snapshots after the first: the stream had to start over, so changes may have been skipped.</summary>
    public int Resyncs => Volatile.Read(ref _resyncs);

    /// <summary>How the stream ended, if it ended before it was disposed.</summary>
    public string? Failure { get; private set; }

    /// <summary>Every status change received, in order. Read it only after <see cref="DisposeAsync"/>.</summary>
    public IReadOnlyList<Arrival> Arrivals => _arrivals;

    public static Watcher Open(MonitoringService.MonitoringServiceClient client, bool batched, int expectedChanges) =>
        new(client.WatchProgramme(new WatchProgrammeRequest { Batched = batched }), expectedChanges);

    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;

        // Cancel and let the reader finish before the call is disposed under it.
        await _stop.CancelAsync();
        await _reading;
        _call.Dispose();
        _stop.Dispose();
    }

    private void Note(LeistungChanged change, long receivedAt)
    {
        if (change.Kind is ChangeKind.Status or ChangeKind.Abgleich)
        {
            _arrivals.Add(new Arrival(change.Leistung.OzgId, change.Leistung.Version, receivedAt, change.Kind == ChangeKind.Abgleich));
            _latest[change.Leistung.OzgId] = Math.Max(change.Leistung.Version, _latest.GetValueOrDefault(change.Leistung.OzgId));
            Interlocked.Increment(ref _statusChanges);
        }
    }

    private async Task ReadAsync()
    {
        try
        {
            await foreach (var message in _call.ResponseStream.ReadAllAsync(_stop.Token))
            {
                var receivedAt = Stopwatch.GetTimestamp();
                switch (message.EventCase)
                {
                    case WatchProgrammeResponse.EventOneofCase.LeistungChanged:
                        Note(message.LeistungChanged, receivedAt);
                        break;
                    case WatchProgrammeResponse.EventOneofCase.ChangeBatch:
                        foreach (var change in message.ChangeBatch.Changes)
                        {
                            Note(change, receivedAt);
                        }

                        break;
                    case WatchProgrammeResponse.EventOneofCase.Snapshot when !_snapshot.Task.IsCompleted:
                        _snapshot.TrySetResult();
                        break;
                    case WatchProgrammeResponse.EventOneofCase.Snapshot:
                        Interlocked.Increment(ref _resyncs);
                        break;
                    default:
                        break;
                }
            }

            Failure = "the server ended the stream";
            _snapshot.TrySetException(new InvalidOperationException("The stream ended before its snapshot."));
        }
        catch (Exception exception) when (_stop.IsCancellationRequested
            && exception is OperationCanceledException or RpcException or ObjectDisposedException)
        {
            // Disposed: the benchmark is done with this stream.
        }
        catch (RpcException exception)
        {
            Failure = $"{exception.StatusCode}: {exception.Status.Detail}";
            _snapshot.TrySetException(exception);
        }
    }
}
