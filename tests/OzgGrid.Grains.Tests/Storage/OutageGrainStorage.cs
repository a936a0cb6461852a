using System.Collections.Concurrent;
using System.Diagnostics;
using Orleans.Storage;

namespace OzgGrid.Grains.Tests.Storage;

/// <summary>
/// Real storage in front of which the writes of chosen grains fail, as they do while a storage account is unreachable,
/// or are taken while their answer is lost.
/// </summary>
public sealed class OutageGrainStorage(IGrainStorage inner) : IGrainStorage
{
    private readonly ConcurrentDictionary<GrainId, Fault> _faults = new();
    private readonly ConcurrentDictionary<GrainId, int> _bridgedWrites = new();

    /// <summary>
    /// The next <paramref name="count"/> writes of <paramref name="grain"/> fail with <paramref name="fault"/> (by default
    /// an <see cref="OrleansException"/>, as Orleans' state bridge reports a storage fault).
    /// </summary>
    public void FailNextWrites(GrainId grain, int count = 1, Func<Exception>? fault = null) =>
        _faults[grain] = new Fault(count, fault ?? (() => new OrleansException($"Storage unavailable for {grain} (a test outage).")), Taken: false);

    /// <summary>The next write of <paramref name="grain"/> whose state <paramref name="when"/> holds for fails; writes before it go through.</summary>
    public void FailNextWriteOf<T>(GrainId grain, Func<T, bool> when) =>
        _faults[grain] = new Fault(1, () => new OrleansException($"Storage unavailable for {grain} (a test outage)."), Taken: false,
            When: state => state is T typed && when(typed));

    /// <summary>
    /// The next write of <paramref name="grain"/> is stored, but its answer is lost and the Azure SDK's retry sends it
    /// again with the ETag it had: the retry meets the write's own new ETag and fails with an ETag conflict.
    /// </summary>
    public void LoseNextAnswer(GrainId grain) => _faults[grain] = new Fault(1, null, Taken: true);

    /// <summary>
    /// The next write of <paramref name="grain"/> is stored, then reported as failed: what a storage client's timeout
    /// looks like when its request had reached the storage (a PostgreSQL command timing out after its commit).
    /// </summary>
    public void StoreNextThenFail(GrainId grain) =>
        _faults[grain] = new Fault(1, () => new OrleansException($"Storage write of {grain} timed out (a test outage; it was stored)."), Taken: true);

    /// <summary>How many writes of <paramref name="grain"/> came through Orleans' state bridge (its <c>WriteStateAsync</c>).</summary>
    public int WritesThroughStateBridge(GrainId grain) => _bridgedWrites.GetValueOrDefault(grain);

    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        inner.ReadStateAsync(stateName, grainId, grainState);

    public async Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        if (CalledByStateBridge())
        {
            _bridgedWrites.AddOrUpdate(grainId, 1, (_, count) => count + 1);
        }

        if (!_faults.TryGetValue(grainId, out var fault) || fault.Left <= 0 || fault.When?.Invoke(grainState.State) == false
            || !_faults.TryUpdate(grainId, fault with { Left = fault.Left - 1 }, fault))
        {
            await inner.WriteStateAsync(stateName, grainId, grainState);
            return;
        }

        if (!fault.Taken)
        {
            throw fault.Exception!();
        }

        var sentWith = grainState.ETag;
        await inner.WriteStateAsync(stateName, grainId, grainState);
        if (fault.Exception is { } reported)
        {
            throw reported();
        }

        grainState.ETag = sentWith;
        await inner.WriteStateAsync(stateName, grainId, grainState);
    }

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        inner.ClearStateAsync(stateName, grainId, grainState);

    /// <summary>The bridge calls storage from its own write method, whose frame is then on the stack.</summary>
    private static bool CalledByStateBridge() => new StackTrace().GetFrames().Any(frame =>
        frame.GetMethod()?.DeclaringType is { } type
        && ((type.DeclaringType ?? type).FullName?.StartsWith("Orleans.Core.StateStorageBridge", StringComparison.Ordinal) ?? false));

    private sealed record Fault(int Left, Func<Exception>? Exception, bool Taken, Func<object?, bool>? When = null);
}
