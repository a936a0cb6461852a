using System.Collections.Immutable;
using System.Threading.Channels;
using OzgGrid.Grains.Abstractions.Monitoring;

namespace OzgGrid.Grains.Monitoring;

/// <summary>
/// One stream's place at the hub: a bounded buffer the hub writes to without ever waiting. A stream that falls
/// so far behind that its buffer fills is cut off (<see cref="Overflowed"/>, <see cref="CutOff"/>) and has to resume.
/// </summary>
public sealed class HubSubscription : IDisposable
{
    private readonly WatcherBuffer<HubMessage> _messages;

    internal HubSubscription(int capacity, ImmutableArray<PublishedChange>? replay)
    {
        _messages = new WatcherBuffer<HubMessage>(capacity);
        Replay = replay;
    }

    /// <summary>When resuming worked: the changes after the client's cursor that the hub still had. Null otherwise.</summary>
    public ImmutableArray<PublishedChange>? Replay { get; }

    public bool Overflowed => _messages.Overflowed;

    /// <inheritdoc cref="WatcherBuffer{T}.CutOff"/>
    public CancellationToken CutOff => _messages.CutOff;

    public ChannelReader<HubMessage> Messages => _messages.Reader;

    internal void Offer(HubMessage message) => _messages.Offer(message);

    /// <summary>Done by <see cref="MonitoringHub.Unsubscribe"/>.</summary>
    public void Dispose() => _messages.Dispose();
}
