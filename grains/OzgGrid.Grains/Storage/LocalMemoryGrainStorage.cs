using System.Collections.Concurrent;
using System.Globalization;
using Orleans.Storage;

namespace OzgGrid.Grains.Storage;

/// <summary>
/// Grain state held in this process, serialized as durable storage would hold it, with the same ETag checks, for a
/// silo that is a cluster of its own. Orleans' memory storage keeps state in storage grains so that several silos can
/// share it, which costs every write a grain call and a copy of the bytes; a single silo needs neither.
/// </summary>
public sealed class LocalMemoryGrainStorage(string name, IGrainStorageSerializer serializer) : IGrainStorage
{
    private readonly ConcurrentDictionary<(string StateName, GrainId GrainId), StoredState> _states = new();
    private long _lastETag;

    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        if (_states.TryGetValue((stateName, grainId), out var stored))
        {
            grainState.State = serializer.Deserialize<T>(stored.Data);
            grainState.ETag = stored.ETag;
            grainState.RecordExists = true;
        }
        else
        {
            grainState.ETag = null;
            grainState.RecordExists = false;
        }

        return Task.CompletedTask;
    }

    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var key = (stateName, grainId);
        var next = new StoredState(serializer.Serialize(grainState.State), NextETag());
        var replaced = _states.TryGetValue(key, out var current)
            ? grainState.ETag == current.ETag && _states.TryUpdate(key, next, current)
            : grainState.ETag is null && _states.TryAdd(key, next);
        if (!replaced)
        {
            throw Inconsistent(stateName, grainId, grainState.ETag);
        }

        grainState.ETag = next.ETag;
        grainState.RecordExists = true;
        return Task.CompletedTask;
    }

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var key = (stateName, grainId);
        if (_states.TryGetValue(key, out var current)
            && (grainState.ETag != current.ETag || !_states.TryRemove(new KeyValuePair<(string, GrainId), StoredState>(key, current))))
        {
            throw Inconsistent(stateName, grainId, grainState.ETag);
        }

        grainState.ETag = null;
        grainState.RecordExists = false;
        return Task.CompletedTask;
    }

    private string NextETag() => Interlocked.Increment(ref _lastETag).ToString(CultureInfo.InvariantCulture);

    private InconsistentStateException Inconsistent(string stateName, GrainId grainId, string? expectedETag)
    {
        var stored = _states.TryGetValue((stateName, grainId), out var current) ? current.ETag : null;
        return new InconsistentStateException(
            $"Storage {name}: state {stateName} of {grainId} was changed by another writer (ETag {expectedETag ?? "none"} expected, {stored ?? "none"} stored).",
            stored,
            expectedETag);
    }

    private sealed record StoredState(BinaryData Data, string ETag);
}
