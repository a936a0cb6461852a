using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OzgGrid.Grains.Abstractions.Monitoring;

namespace OzgGrid.Grains.Monitoring;

/// <summary>
/// Registers this silo's hub with the aggregator at start and then periodically, so that a restarted aggregator
/// or silo finds the hubs again by itself (as Orleans' GPSTracker sample does).
/// </summary>
public sealed class MonitoringHubRegistration(
    IGrainFactory grains,
    MonitoringHub hub,
    ILocalSiloDetails silo,
    IOptions<MonitoringOptions> options,
    ILogger<MonitoringHubRegistration> logger) : BackgroundService
{
    private IMonitoringHub? _reference;

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        _reference = grains.CreateObjectReference<IMonitoringHub>(hub);

        // Registered before the gateway takes calls, so that the first streams get every change; if the aggregator
        // cannot be reached yet (a cluster still forming), the loop below keeps trying.
        await TryRegisterAsync(cancellationToken);
        await base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.HubRefreshInterval);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            await TryRegisterAsync(stoppingToken);
        }
    }

    private async Task TryRegisterAsync(CancellationToken cancellationToken)
    {
        try
        {
            await grains.GetGrain<IProgrammeAggregatorGrain>(IProgrammeAggregatorGrain.Key)
                .RegisterHubAsync(silo.SiloAddress.ToString(), _reference!);
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning(exception, "Monitoring hub could not register with the aggregator; trying again");
        }
    }
}
