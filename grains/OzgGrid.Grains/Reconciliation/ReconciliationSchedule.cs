using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OzgGrid.Grains.Abstractions.Reconciliation;

namespace OzgGrid.Grains.Reconciliation;

/// <summary>
/// Makes sure the reconciliation's reminder is registered with the configured period when a silo starts. The reminder
/// is stored, so this only matters the first time and after the setting changed; it keeps trying while storage is not
/// reachable yet, without holding up the start.
/// </summary>
public sealed class ReconciliationSchedule(IGrainFactory grains, ILogger<ReconciliationSchedule> logger) : BackgroundService
{
    private static readonly TimeSpan RetryInterval = TimeSpan.FromSeconds(10);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await grains.GetGrain<IReconciliationGrain>(IReconciliationGrain.Key).ScheduleAsync();
                return;
            }
            catch (Exception fault) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning(fault, "The reconciliation reminder could not be registered yet; trying again in {Interval}", RetryInterval);
            }

            await Task.Delay(RetryInterval, stoppingToken);
        }
    }
}
