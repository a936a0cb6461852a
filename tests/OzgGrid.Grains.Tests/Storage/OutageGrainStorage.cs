using System.Collections.Concurrent;
using Orleans.Storage;

namespace OzgGrid.Grains.Tests.Storage;

/// <summary>
/// Real storage in front of which the writes of chosen grains fail, as they do while a storage account is unreachable.
/// </summary>
public sealed class OutageGrainStorage(IGrainStorage inner) : IGrainStorage
{
    private readonly ConcurrentDictionary<GrainId, int> _failingWrites = new();

    /// <summary>The next <paramref name="count"/> writes of <paramref name="grain"/> fail.</summary>
    public void FailNextWrites(GrainId grain, int count = 1) => _failingWrites[grain] = count;

    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        inner.ReadStateAsync(stateName, grainId, grainState);

    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        if (_failingWrites.TryGetValue(grainId, out var left) && left > 0 && _failingWrites.TryUpdate(grainId, left - 1, left))
        {
            throw new OrleansException($"Storage unavailable for {grainId} (a test outage).");
        }

        return inner.WriteStateAsync(stateName, grainId, grainState);
    }

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        inner.ClearStateAsync(stateName, grainId, grainState);
}
