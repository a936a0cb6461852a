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
        await RegisterAsync();
        await base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.HubRefreshInterval);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await RegisterAsync();
            }
            catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning(exception, "Monitoring hub could not register with the aggregator; trying again");
            }
        }
    }

    private Task RegisterAsync() =>
        grains.GetGrain<IProgrammeAggregatorGrain>(IProgrammeAggregatorGrain.Key)
            .RegisterHubAsync(silo.SiloAddress.ToString(), _reference!);
}
