using System.Threading.Channels;
using OzgGrid.Grains.Abstractions.ProgrammeManagement;

namespace OzgGrid.Gateway.ProgrammeManagement;

/// <summary>
/// One stream's observer at the programme-management figures: a bounded buffer written without waiting, so that a slow
/// client never holds up the figures grain. A client that falls so far behind that it fills is cut off.
/// </summary>
public sealed class ProgrammeEventForwarder(int capacity) : IProgrammeEventObserver
{
    private readonly Channel<ProgrammeEvent> _events =
        Channel.CreateBounded<ProgrammeEvent>(new BoundedChannelOptions(capacity) { SingleReader = true });

    public bool Overflowed { get; private set; }

    public ChannelReader<ProgrammeEvent> Events => _events.Reader;

    public Task OnEventAsync(ProgrammeEvent programmeEvent)
    {
        if (!_events.Writer.TryWrite(programmeEvent) && !Overflowed)
        {
            Overflowed = true;
            _events.Writer.TryComplete();
        }

        return Task.CompletedTask;
    }
}
