using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Orleans.Storage;
using OzgGrid.Grains.Abstractions;
using OzgGrid.Grains.Abstractions.Changes;

namespace OzgGrid.Grains.Records;

/// <summary>Makes the <see cref="VersionedRecord{TBody, TChange}"/> of a grain, with the silo's state and history storage.</summary>
public sealed class VersionedRecords(IServiceProvider services, TimeProvider clock, RecordWriteMetrics metrics, ILoggerFactory loggers)
{
    /// <summary>The state storage, for records that keep parts of their state in rows of their own (a Land rollout's partitions).</summary>
    public IGrainStorage StateStorage => field ??= Direct(StorageNames.State);

    private IGrainStorage HistoryStorage => field ??= Direct(StorageNames.History);

    /// <summary>Call from the grain's <c>OnActivateAsync</c> (the state is read by then).</summary>
    /// <param name="now">The clock that stamps changes; the silo's by default.</param>
    public VersionedRecord<TBody, TChange> For<TBody, TChange>(
        IGrainBase grain, IPersistentState<RecordState<TBody, TChange>> state, RecordNames names, Func<DateTimeOffset>? now = null)
        where TBody : class
        where TChange : IRecordedChange =>
        new(state, StateStorage, HistoryStorage, grain, names, now ?? clock.GetUtcNow, metrics, loggers.CreateLogger(grain.GetType()));

    private OrleansFaultStorage Direct(string name) => new(services.GetRequiredKeyedService<IGrainStorage>(name), name);
}
