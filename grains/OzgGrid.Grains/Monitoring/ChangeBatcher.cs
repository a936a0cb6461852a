using System.Collections.Concurrent;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OzgGrid.Grains.Abstractions.Monitoring;
using OzgGrid.Grains.Abstractions.Themenfelder;

namespace OzgGrid.Grains.Monitoring;

/// <summary>
/// Collects the changes of the Leistungen on this silo and passes them to the programme aggregator in batches, so
/// that the aggregator receives a few calls per silo per second, not one per change. Each batch goes to the
/// Themenfelder's indexes first (awaited; the aggregator's call waits until they took it), so that an index is never
/// behind what the monitoring counted, even where a Leistung's one-way notice to it was lost with a stopping silo. A
/// service of the silo, not a grain: a Leistung hands its change over with a method call, where a grain would cost
/// every change a grain call, and never waits on a Themenfeld or the aggregator.
/// </summary>
public sealed class ChangeBatcher(IGrainFactory grains, ILogger<ChangeBatcher> logger) : BackgroundService
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

    private readonly Lock _lock = new();
    private readonly Queue<LeistungChanged> _queue = new();

    /// <summary>The Themenfelder's references, kept: Orleans resolves the grain interface by reflection on every GetGrain.</summary>
    private readonly ConcurrentDictionary<int, IThemenfeldGrain> _themenfelder = new();

    /// <summary>Kept, as <see cref="_themenfelder"/>.</summary>
    private IProgrammeAggregatorGrain Aggregator => field ??= grains.GetGrain<IProgrammeAggregatorGrain>(IProgrammeAggregatorGrain.Key);

    public void Enqueue(LeistungChanged change)
    {
        lock (_lock)
        {
            _queue.Enqueue(change);
            if (_queue.Count > MaxQueueLength)
            {
                _queue.Dequeue();
            }
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(FlushInterval);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                await FlushAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: the last flush follows in StopAsync.
        }
    }

    /// <summary>Stops the timer, then passes on what is still waiting while the silo can still reach the aggregator.</summary>
    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        await FlushAsync(cancellationToken);
    }

    /// <summary>One flush at a time (the timer's loop or the last one), so that batches reach the aggregator in the order they were taken.</summary>
    private async Task FlushAsync(CancellationToken cancellationToken)
    {
        var batch = Take();
        try
        {
            while (batch.Length > 0 && !cancellationToken.IsCancellationRequested)
            {
                // The index first: a watcher's snapshot reads the figures, then the index, and must not find a
                // Leistung older than a change the watcher was already sent.
                // Bounded: a call to an activation on a silo that is just leaving may go unanswered until Orleans'
                // response timeout; the batch goes again with the next flush instead (an index takes only newer
                // versions, and reports that are not newer than counted are ignored, so a batch applied twice counts once).
                await ThemenfeldIndexBatches.SendAsync(Themenfeld, batch).WaitAsync(ApplyTimeout, cancellationToken);
                await Aggregator.ApplyAsync([.. batch]).WaitAsync(ApplyTimeout, cancellationToken);
                batch = Take();
            }
        }
        catch (Exception exception)
        {
            PutBack(batch);
            logger.LogWarning(exception, "Could not pass {Count} changes to the Themenfeld indexes and the programme aggregator; retrying", batch.Length);
        }
    }

    private IThemenfeldGrain Themenfeld(int themenfeldId) =>
        _themenfelder.GetOrAdd(themenfeldId, static (id, factory) => factory.GetGrain<IThemenfeldGrain>(id), grains);

    private LeistungChanged[] Take()
    {
        lock (_lock)
        {
            if (_queue.Count == 0)
            {
                return [];
            }

            var batch = new LeistungChanged[Math.Min(_queue.Count, MaxBatchSize)];
            for (var index = 0; index < batch.Length; index++)
            {
                batch[index] = _queue.Dequeue();
            }

            return batch;
        }
    }

    /// <summary>A batch that did not arrive goes back to the front of the queue, for the next flush.</summary>
    private void PutBack(LeistungChanged[] batch)
    {
        lock (_lock)
        {
            var waiting = batch.Concat(_queue).TakeLast(MaxQueueLength).ToList();
            _queue.Clear();
            waiting.ForEach(_queue.Enqueue);
        }
    }
}
