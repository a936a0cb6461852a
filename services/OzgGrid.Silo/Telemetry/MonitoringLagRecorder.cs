using OzgGrid.Grains.Monitoring;

namespace OzgGrid.Silo.Telemetry;

/// <summary>
/// Follows this silo's monitoring hub like a stream does and records, for every change that arrives, how long ago a
/// Leistung accepted it: the lag of batcher, aggregator and publication together (clocks of one cluster assumed close).
/// </summary>
public sealed class MonitoringLagRecorder(MonitoringHub hub, OzgGridMetrics metrics, TimeProvider clock, ILogger<MonitoringLagRecorder> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var subscription = hub.Subscribe(resumeAfter: null);
            try
            {
                await foreach (var message in subscription.Messages.ReadAllAsync(stoppingToken))
                {
                    if (message is HubMessage.Changes changes)
                    {
                        var now = clock.GetUtcNow();
                        // Programme-management events are stamped with their record's change (a deadline check
                        // with the programme's clock), not with their arrival at the aggregator: not a lag.
                        foreach (var published in changes.Published.Where(published => published.ProgrammeEvent is null))
                        {
                            metrics.MonitoringLag(now - published.Change.Stamp.ChangedAt);
                        }
                    }
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            finally
            {
                hub.Unsubscribe(subscription);
            }

            if (subscription.Overflowed)
            {
                logger.LogWarning("Monitoring lag recorder fell behind the hub and subscribes again; the changes in between are not measured");
            }
        }
    }
}
