using System.Threading.Channels;
using Grpc.Core;
using OzgGrid.Protos.V1;

namespace OzgGrid.Silo.Tests.Hosting;

/// <summary>A monitoring stream read in the background, so that a test can wait for the message it expects.</summary>
public sealed class StreamWatcher : IAsyncDisposable
{
    private readonly AsyncServerStreamingCall<WatchProgrammeResponse> _call;
    private readonly Channel<WatchProgrammeResponse> _received = Channel.CreateUnbounded<WatchProgrammeResponse>();
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _reading;

    private StreamWatcher(AsyncServerStreamingCall<WatchProgrammeResponse> call)
    {
        _call = call;
        _reading = ReadAsync();
    }

    /// <summary>The status the stream ended with, once it ended.</summary>
    public RpcException? EndedWith { get; private set; }

    public static StreamWatcher Open(MonitoringService.MonitoringServiceClient client, WatchProgrammeRequest request) =>
        new(client.WatchProgramme(request));

    /// <summary>
    /// Reads on until the change of <paramref name="ozgId"/> to <paramref name="verfuegbarkeit"/> in <paramref name="land"/>;
    /// the figures of that Land it moved, in key order. A host's Land totals are shared with every test on it, whose
    /// Leistungen may still move there: what one Leistung's change moved is in the change, as the monitoring counted it.
    /// </summary>
    public async Task<string[]> LandFiguresMovedAsync(int ozgId, string land, Verfuegbarkeit verfuegbarkeit)
    {
        var seen = await ReadUntilAsync(
            m => m.LeistungChanged?.Leistung is { } leistung && leistung.OzgId == ozgId && leistung.Status.Verfuegbarkeit.GetValueOrDefault(land) == verfuegbarkeit,
            $"the change of {ozgId} to {verfuegbarkeit} in {land} on the stream");
        var prefix = $"land/{land}/";
        return [.. seen[^1].LeistungChanged.ChangedFigures.Select(figure => figure.Key).Where(key => key.StartsWith(prefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal)];
    }

    /// <summary>Reads on until a message matches; the ones before it are returned too, in order.</summary>
    public async Task<List<WatchProgrammeResponse>> ReadUntilAsync(Func<WatchProgrammeResponse, bool> match, string expectation, TimeSpan? timeout = null)
    {
        using var deadline = new CancellationTokenSource(timeout ?? Eventually.DefaultTimeout);
        var seen = new List<WatchProgrammeResponse>();
        try
        {
            while (true)
            {
                var message = await _received.Reader.ReadAsync(deadline.Token);
                seen.Add(message);
                if (match(message))
                {
                    return seen;
                }
            }
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"Expected {expectation}; got {seen.Count} other messages: {string.Join(" | ", seen.TakeLast(5))}");
        }
        catch (ChannelClosedException)
        {
            throw new InvalidOperationException($"The stream ended ({EndedWith?.Status}) before {expectation}.");
        }
    }

    public Task<List<WatchProgrammeResponse>> ReadSnapshotAsync() =>
        ReadUntilAsync(m => m.EventCase == WatchProgrammeResponse.EventOneofCase.Snapshot, "a snapshot");

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _call.Dispose();
        await _reading;
        _stop.Dispose();
    }

    private async Task ReadAsync()
    {
        try
        {
            await foreach (var message in _call.ResponseStream.ReadAllAsync(_stop.Token))
            {
                await _received.Writer.WriteAsync(message);
            }
        }
        catch (RpcException exception)
        {
            EndedWith = exception;
        }
        catch (Exception stopped) when (stopped is OperationCanceledException or ObjectDisposedException && _stop.IsCancellationRequested)
        {
            // Disposed by the test.
        }
        finally
        {
            _received.Writer.TryComplete();
        }
    }
}
