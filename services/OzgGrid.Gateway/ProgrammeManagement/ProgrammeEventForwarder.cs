using System.Threading.Channels;
using OzgGrid.Grains.Abstractions.ProgrammeManagement;
using OzgGrid.Grains.Monitoring;

namespace OzgGrid.Gateway.ProgrammeManagement;

/// <summary>
/// One stream's observer at the programme-management figures: a bounded buffer written without waiting, so that a slow
/// client never holds up the figures grain. A client that falls so far behind that it fills is cut off.
/// </summary>
public sealed class ProgrammeEventForwarder(int capacity) : IProgrammeEventObserver, IDisposable
{
    private readonly WatcherBuffer<ProgrammeEvent> _events = new(capacity);

    public bool Overflowed => _events.Overflowed;

    /// <inheritdoc cref="WatcherBuffer{T}.CutOff"/>
    public CancellationToken CutOff => _events.CutOff;

    public ChannelReader<ProgrammeEvent> Events => _events.Reader;

    public Task OnEventAsync(ProgrammeEvent programmeEvent)
    {
        _events.Offer(programmeEvent);
        return Task.CompletedTask;
    }

    public void Dispose() => _events.Dispose();
}
