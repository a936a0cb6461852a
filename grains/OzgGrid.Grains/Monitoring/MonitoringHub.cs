using System.Collections.Immutable;
using Microsoft.Extensions.Options;
using OzgGrid.Grains.Abstractions.Monitoring;

namespace OzgGrid.Grains.Monitoring;

/// <summary>
/// The hub of one silo: receives every batch the aggregator publishes, keeps the latest for clients that resume,
/// and hands each batch to this silo's streams. Writers are never held up by a stream.
/// </summary>
public sealed class MonitoringHub(IOptions<MonitoringOptions> options) : IMonitoringHub
{
    private readonly Lock _gate = new();
    private readonly Queue<PublishedChange> _recent = new();
    private readonly HashSet<HubSubscription> _subscriptions = [];
    private long? _epoch;

    /// <summary>The last change this hub saw; null while it has seen none of the current epoch.</summary>
    private long? _lastSequence;

    /// <summary>
    /// The last change before the latest resync of the epoch: a stream that resumes from it or earlier may have been
    /// away when the resync came, and a replay cannot tell it (the versions it covers were never published).
    /// </summary>
    private long? _resyncedAfter;

    /// <summary>A resync came before any change of the epoch: the next change sets <see cref="_resyncedAfter"/>.</summary>
    private bool _resyncBeforeNext;

    public int SubscriptionCount
    {
        get
        {
            lock (_gate)
            {
                return _subscriptions.Count;
            }
        }
    }

    /// <summary>Streams cut off for falling behind since the silo started (written under the lock).</summary>
    public long CutOffCount { get; private set; }

    public Task OnChangesAsync(ChangeBatch batch)
    {
        lock (_gate)
        {
            var continuous = _epoch == batch.Epoch && _lastSequence is { } last
                && (batch.Changes.IsEmpty || batch.Changes[0].Sequence == last + 1);
            if (!continuous)
            {
                // A new epoch, or batches this hub missed: what it kept no longer joins up with what comes.
                if (_epoch != batch.Epoch)
                {
                    // A resync of another epoch does not matter: a cursor of it cannot be resumed here.
                    (_resyncedAfter, _resyncBeforeNext) = (null, false);
                }

                _recent.Clear();
                _epoch = batch.Epoch;
                _lastSequence = null;
            }

            if (batch.Resync)
            {
                // Streams get the resync before the batch's changes (below), so it lies between them and those before.
                (_resyncedAfter, _resyncBeforeNext) = (_lastSequence, _lastSequence is null);
            }

            foreach (var change in batch.Changes)
            {
                if (_resyncBeforeNext)
                {
                    (_resyncedAfter, _resyncBeforeNext) = (change.Sequence - 1, false);
                }

                _recent.Enqueue(change);
                _lastSequence = change.Sequence;
            }

            while (_recent.Count > options.Value.HubBufferSize)
            {
                _recent.Dequeue();
            }

            // One message per batch for every stream: what a stream builds from it (the messages it sends) is
            // built once and shared by the streams that send the same.
            var resync = batch.Resync ? new HubMessage.Resync() : null;
            var changes = batch.Changes.IsEmpty ? null : new HubMessage.Changes(batch.Epoch, batch.Changes);
            foreach (var subscription in _subscriptions)
            {
                if (resync is not null)
                {
                    subscription.Offer(resync);
                }

                if (changes is not null)
                {
                    subscription.Offer(changes);
                }
            }

            // A stream cut off takes nothing more: it leaves the hub now, not only when it has ended.
            CutOffCount += _subscriptions.RemoveWhere(subscription => subscription.Overflowed);
        }

        return Task.CompletedTask;
    }

    /// <summary>
    /// Subscribes a stream. With <paramref name="resumeAfter"/>, <see cref="HubSubscription.Replay"/> holds what came
    /// after it, if the hub still has all of it; otherwise the stream has to start from a snapshot.
    /// </summary>
    public HubSubscription Subscribe(MonitoringCursor? resumeAfter)
    {
        lock (_gate)
        {
            var subscription = new HubSubscription(options.Value.StreamBufferSize, ReplayAfter(resumeAfter));
            _subscriptions.Add(subscription);
            return subscription;
        }
    }

    public void Unsubscribe(HubSubscription subscription)
    {
        lock (_gate)
        {
            _subscriptions.Remove(subscription);
        }

        subscription.Dispose();
    }

    /// <summary>
    /// The newest matching changes this hub still has up to <paramref name="upTo"/> (of its epoch), oldest first, at
    /// most <paramref name="count"/>: what a client that lists the latest changes shows before the next one comes.
    /// </summary>
    public ImmutableArray<PublishedChange> Latest(MonitoringCursor upTo, int count, Func<PublishedChange, bool> matches)
    {
        lock (_gate)
        {
            return upTo.Epoch == _epoch ? [.. _recent.Where(change => change.Sequence <= upTo.Sequence && matches(change)).TakeLast(count)] : [];
        }
    }

    private ImmutableArray<PublishedChange>? ReplayAfter(MonitoringCursor? cursor)
    {
        if (cursor is null || cursor.Epoch != _epoch || _lastSequence is not { } last || cursor.Sequence <= _resyncedAfter)
        {
            return null;
        }

        // Everything after the cursor is still here if the oldest change kept follows on from it (or nothing came since).
        var oldest = _recent.Count > 0 ? _recent.Peek().Sequence : last + 1;
        if (cursor.Sequence + 1 < oldest)
        {
            return null;
        }

        return [.. _recent.Where(change => change.Sequence > cursor.Sequence)];
    }
}
