using System.Collections.Immutable;
using System.Threading.Channels;
using OzgGrid.Grains.Abstractions.Monitoring;

namespace OzgGrid.Grains.Monitoring;

/// <summary>
/// One stream's place at the hub: a bounded buffer the hub writes to without ever waiting. A stream that falls
/// so far behind that its buffer fills is cut off (<see cref="Overflowed"/>) and has to resume.
/// </summary>
public sealed class HubSubscription
{
    private readonly Channel<HubMessage> _messages;

    internal HubSubscription(int capacity, ImmutableArray<PublishedChange>? replay)
    {
        _messages = Channel.CreateBounded<HubMessage>(new BoundedChannelOptions(capacity) { SingleReader = true });
        Replay = replay;
    }

    /// <summary>When resuming worked: the changes after the client's cursor that the hub still had. Null otherwise.</summary>
    public ImmutableArray<PublishedChange>? Replay { get; }

    public bool Overflowed { get; private set; }

    public ChannelReader<HubMessage> Messages => _messages.Reader;

    internal void Offer(HubMessage message)
    {
        if (!_messages.Writer.TryWrite(message) && !Overflowed)
        {
            Overflowed = true;
            _messages.Writer.TryComplete();
        }
    }

    internal void Close() => _messages.Writer.TryComplete();
}
