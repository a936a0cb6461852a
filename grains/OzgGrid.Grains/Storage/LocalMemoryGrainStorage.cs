using System.Collections.Concurrent;
using System.Globalization;
using Orleans.Serialization;
using Orleans.Storage;

namespace OzgGrid.Grains.Storage;

/// <summary>
/// Grain state held in this process, serialized as durable storage would hold it, with the same ETag checks, for a
/// silo that is a cluster of its own. Orleans' memory storage keeps state in storage grains so that several silos can
/// share it, which costs every write a grain call and a copy of the bytes; a single silo needs neither. A state written
/// again keeps its bytes in a <see cref="StoredBytes"/> buffer that goes back to the pool when the next write replaces
/// it, so a record written thousands of times a second does not leave a fresh array of its state to the collector
/// each time.
/// </summary>
public sealed class LocalMemoryGrainStorage(string name, Serializer serializer) : IGrainStorage
{
    private readonly ConcurrentDictionary<(string StateName, GrainId GrainId), Slot> _slots = new();
    private long _lastETag;

    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        if (_slots.TryGetValue((stateName, grainId), out var slot))
        {
            // Under the slot's lock: a write replacing the bytes meanwhile would hand them back to the pool.
            lock (slot)
            {
                if (slot.Bytes is { } bytes)
                {
                    grainState.State = serializer.Deserialize<T>(bytes.Span);
                    grainState.ETag = slot.ETag;
                    grainState.RecordExists = true;
                    return Task.CompletedTask;
                }
            }
        }

        grainState.ETag = null;
        grainState.RecordExists = false;
        return Task.CompletedTask;
    }

    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var slot = _slots.GetOrAdd((stateName, grainId), static _ => new Slot());

        // A state written again (a record's state) will be replaced again: its bytes go into a pooled buffer. One
        // written once (a sealed history page) keeps an array of its own size, which a pooled buffer would round up.
        var written = StoredBytes.Of(serializer, grainState.State, pooled: slot.Bytes is not null);
        var taken = false;
        StoredBytes? released = written;
        lock (slot)
        {
            if (grainState.ETag == slot.ETag)
            {
                (released, slot.Bytes, taken) = (slot.Bytes, written, true);
                slot.ETag = NextETag();
                grainState.ETag = slot.ETag;
                grainState.RecordExists = true;
            }
        }

        // The bytes no slot holds any more: those replaced, or those of a refused write.
        released?.Release();
        return taken ? Task.CompletedTask : Task.FromException(Inconsistent(stateName, grainId, grainState.ETag));
    }

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        if (_slots.TryGetValue((stateName, grainId), out var slot))
        {
            StoredBytes? cleared;
            lock (slot)
            {
                if (grainState.ETag != slot.ETag)
                {
                    return Task.FromException(Inconsistent(stateName, grainId, grainState.ETag));
                }

                (cleared, slot.Bytes, slot.ETag) = (slot.Bytes, null, null);
            }

            cleared?.Release();
        }

        grainState.ETag = null;
        grainState.RecordExists = false;
        return Task.CompletedTask;
    }

    private string NextETag() => Interlocked.Increment(ref _lastETag).ToString(CultureInfo.InvariantCulture);

    private InconsistentStateException Inconsistent(string stateName, GrainId grainId, string? expectedETag)
    {
        var stored = _slots.TryGetValue((stateName, grainId), out var slot) ? slot.ETag : null;
        return new InconsistentStateException(
            $"Storage {name}: state {stateName} of {grainId} was changed by another writer (ETag {expectedETag ?? "none"} expected, {stored ?? "none"} stored).",
            stored,
            expectedETag);
    }

    /// <summary>One state's place; no ETag and no bytes: nothing stored (never written, or cleared).</summary>
    private sealed class Slot
    {
        public StoredBytes? Bytes { get; set; }

        public string? ETag { get; set; }
    }
}
