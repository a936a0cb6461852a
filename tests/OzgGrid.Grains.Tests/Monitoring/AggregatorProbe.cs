using System.Collections.Immutable;
using OzgGrid.Grains.Abstractions.Monitoring;
using OzgGrid.Grains.Monitoring;

namespace OzgGrid.Grains.Tests.Monitoring;

/// <summary>
/// Applies changes to the cluster's one programme aggregator between two snapshots and collects, from a silo's hub,
/// every change the aggregator numbered in between. The aggregator is shared by all tests of the cluster, so a test
/// looks at its own Leistungen and at deltas; numbers given to other Leistungen meanwhile are accounted for.
/// </summary>
public sealed class AggregatorProbe : IDisposable
{
    private readonly MonitoringHub _hub;
    private readonly HubSubscription _subscription;

    public AggregatorProbe(ClusterFixture fixture)
    {
        Aggregator = fixture.Grains.GetGrain<IProgrammeAggregatorGrain>(IProgrammeAggregatorGrain.Key);
        _hub = fixture.GetSiloService<MonitoringHub>();
        _subscription = _hub.Subscribe(null);
    }

    public IProgrammeAggregatorGrain Aggregator { get; }

    /// <summary>
    /// The snapshots before and after applying <paramref name="changes"/>, and the changes published in between,
    /// in sequence order. The aggregator publishes a batch to every hub before it answers, so by the second snapshot
    /// the hub holds everything numbered up to it.
    /// </summary>
    public async Task<(FiguresSnapshot Before, FiguresSnapshot After, ImmutableArray<PublishedChange> Published)> ApplyAsync(
        params LeistungChanged[] changes)
    {
        var before = await Aggregator.GetSnapshotAsync();
        await Aggregator.ApplyAsync([.. changes]);
        var after = await Aggregator.GetSnapshotAsync();

        Assert.True(before.Cursor.Epoch == after.Cursor.Epoch, "The aggregator should stay in one epoch during a test.");
        Assert.False(_subscription.Overflowed, "The probe's subscription at the hub fell behind.");
        var published = new List<PublishedChange>();
        while (_subscription.Messages.TryRead(out var message))
        {
            if (message is HubMessage.Changes batch && batch.Epoch == after.Cursor.Epoch)
            {
                published.AddRange(batch.Published.Where(change =>
                    change.Sequence > before.Cursor.Sequence && change.Sequence <= after.Cursor.Sequence));
            }
        }

        var numbered = Enumerable.Range(1, (int)(after.Cursor.Sequence - before.Cursor.Sequence)).Select(n => before.Cursor.Sequence + n);
        Assert.Equal(numbered, published.Select(change => change.Sequence));
        return (before, after, [.. published]);
    }

    public void Dispose() => _hub.Unsubscribe(_subscription);
}
