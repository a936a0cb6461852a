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
