using Orleans.Concurrency;

namespace OzgGrid.Grains.Abstractions.ProgrammeManagement;

/// <summary>A watcher of the programme-management events (one per open stream).</summary>
public interface IProgrammeEventObserver : IGrainObserver
{
    /// <summary>
    /// One-way: the figures grain never waits for a watcher, however many there are or however slow. A watcher that
    /// misses an event sees the gap in the numbers and starts over from a snapshot.
    /// </summary>
    [OneWay]
    Task OnEventAsync(ProgrammeEvent programmeEvent);
}
