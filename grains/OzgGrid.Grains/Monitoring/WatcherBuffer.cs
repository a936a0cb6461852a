using System.Threading.Channels;

namespace OzgGrid.Grains.Monitoring;

/// <summary>
/// The bounded buffer between a publisher and one watcher's stream: <see cref="Offer"/> never waits. When the watcher
/// falls so far behind that the buffer fills, it is closed and <see cref="CutOff"/> fires, so that the stream ends
/// even while it is stuck writing to a client that does not read (and frees its place at once).
/// </summary>
public sealed class WatcherBuffer<T> : IDisposable
{
    private readonly Channel<T> _items;
    private readonly CancellationTokenSource _cutOff = new();
    private volatile bool _overflowed;

    public WatcherBuffer(int capacity) =>
        _items = Channel.CreateBounded<T>(new BoundedChannelOptions(Math.Max(1, capacity)) { SingleReader = true });

    public ChannelReader<T> Reader => _items.Reader;

    public bool Overflowed => _overflowed;

    /// <summary>Cancelled when the buffer overflowed; a stream writes with it, so that a write blocked by its client ends.</summary>
    public CancellationToken CutOff => _cutOff.Token;

    /// <summary>Called by one publisher at a time.</summary>
    public void Offer(T item)
    {
        if (_items.Writer.TryWrite(item) || _overflowed)
        {
            return;
        }

        _overflowed = true;
        _items.Writer.TryComplete();

        // On the thread pool: the publisher (a hub under its lock, an observer call) must not run the stream's code.
        ThreadPool.QueueUserWorkItem(static buffer => buffer.CancelQuietly(), this, preferLocal: false);
    }

    public void Close() => _items.Writer.TryComplete();

    public void Dispose()
    {
        Close();
        _cutOff.Dispose();
    }

    private void CancelQuietly()
    {
        try
        {
            _cutOff.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // The stream ended meanwhile: nothing left to cut off.
        }
    }
}
