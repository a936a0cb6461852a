using Microsoft.Extensions.Logging;
using OzgGrid.Grains.Abstractions.Monitoring;
using Orleans.Concurrency;

namespace OzgGrid.Grains.Monitoring;

/// <summary>One per silo (a local stateless worker): enqueue, and a timer flushes one batch at a time.</summary>
[StatelessWorker(1)]
[Reentrant]
public sealed class ChangeBatcherGrain(ILogger<ChangeBatcherGrain> logger) : Grain, IChangeBatcherGrain
{
    /// <summary>How often the queue is flushed: short enough that watchers see a change within milliseconds.</summary>
    public static readonly TimeSpan FlushInterval = TimeSpan.FromMilliseconds(10);

    /// <summary>How long a batch may take at the aggregator before it is sent again.</summary>
    private static readonly TimeSpan ApplyTimeout = TimeSpan.FromSeconds(5);

    /// <summary>At most this many changes per call to the aggregator.</summary>
    private const int MaxBatchSize = 2_000;

    /// <summary>
    /// Beyond this many waiting changes (the aggregator unreachable for long) the oldest are dropped;
    /// the aggregator's recount catches up with them.
    /// </summary>
    private const int MaxQueueLength = 200_000;

    private readonly Queue<LeistungChanged> _queue = new();
    private bool _flushing;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        this.RegisterGrainTimer(FlushAsync, FlushInterval, FlushInterval);
        return Task.CompletedTask;
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken) => FlushAsync(cancellationToken);

    public Task EnqueueAsync(LeistungChanged change)
    {
        _queue.Enqueue(change);
        if (_queue.Count > MaxQueueLength)
        {
            _queue.Dequeue();
        }

        return Task.CompletedTask;
    }

    private async Task FlushAsync(CancellationToken cancellationToken)
    {
        // One flush at a time, so that batches reach the aggregator in the order they were taken.
        if (_flushing || _queue.Count == 0)
        {
            return;
        }

        _flushing = true;
        var batch = new List<LeistungChanged>(Math.Min(_queue.Count, MaxBatchSize));
        try
        {
            while (_queue.Count > 0 && !cancellationToken.IsCancellationRequested)
            {
                batch.Clear();
                while (batch.Count < MaxBatchSize && _queue.TryDequeue(out var change))
                {
                    batch.Add(change);
                }

                // Bounded: a call to an aggregator activation on a silo that is just leaving may go unanswered until
                // Orleans' response timeout; the batch goes again with the next flush instead (reports that are not
                // newer than counted are ignored, so a batch applied twice counts once).
                await GrainFactory.GetGrain<IProgrammeAggregatorGrain>(IProgrammeAggregatorGrain.Key).ApplyAsync([.. batch]).WaitAsync(ApplyTimeout, cancellationToken);
                batch.Clear();
            }
        }
        catch (Exception exception)
        {
            // The batch goes back to the front of the queue and with the next flush.
            var waiting = batch.Concat(_queue).TakeLast(MaxQueueLength).ToList();
            _queue.Clear();
            waiting.ForEach(_queue.Enqueue);
            logger.LogWarning(exception, "Could not pass {Count} changes to the programme aggregator; retrying", _queue.Count);
        }
        finally
        {
            _flushing = false;
        }
    }
}
