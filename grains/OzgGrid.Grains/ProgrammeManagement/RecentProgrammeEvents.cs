using System.Collections.Immutable;
using OzgGrid.Grains.Abstractions.ProgrammeManagement;

namespace OzgGrid.Grains.ProgrammeManagement;

/// <summary>
/// The last events one activation published, so that a watcher back after a break gets what it missed instead of a
/// whole snapshot. Held in memory only: after a restart a resumed watcher gets the snapshot, which is always correct.
/// </summary>
internal sealed class RecentProgrammeEvents(int capacity)
{
    private readonly Queue<ProgrammeEvent> _events = new(capacity);

    public void Add(ProgrammeEvent programmeEvent)
    {
        _events.Enqueue(programmeEvent);
        if (_events.Count > capacity)
        {
            _events.Dequeue();
        }
    }

    /// <returns>
    /// The events after <paramref name="after"/> up to <paramref name="current"/>; null when not every one of them is
    /// held (too old, published by an earlier activation, or a cursor this grain never gave out).
    /// </returns>
    public ImmutableArray<ProgrammeEvent>? Since(long after, long current)
    {
        if (after == current)
        {
            return [];
        }

        if (after < 0 || after > current)
        {
            return null;
        }

        var missed = _events.Where(e => e.Sequence > after).ToImmutableArray();
        var complete = missed.Length == current - after && missed[0].Sequence == after + 1 && missed[^1].Sequence == current;
        return complete ? missed : null;
    }
}
