using System.Collections.Immutable;
using Microsoft.Extensions.Logging;
using OzgGrid.Grains.Abstractions.Monitoring;

namespace OzgGrid.Grains.Monitoring;

/// <summary>
/// Knows the hub of each silo and hands every batch to all of them. A hub that does not take a batch in time, or that
/// stopped registering, is dropped; it registers again by itself and notices the gap in the numbers.
/// </summary>
public sealed class HubPublisher(MonitoringOptions options, TimeProvider clock, ILogger logger)
{
    /// <summary>How long a hub may take for a batch (in-memory work on a live silo: milliseconds).</summary>
    private static readonly TimeSpan PublishTimeout = TimeSpan.FromSeconds(2);

    private readonly Dictionary<string, (IMonitoringHub Hub, DateTimeOffset SeenAt)> _hubs = [];

    /// <summary>Hubs known before a restart; those of silos that are gone fail on the first publish and are dropped then.</summary>
    public void Restore(IEnumerable<KeyValuePair<string, IMonitoringHub>> hubs)
    {
        foreach (var (silo, hub) in hubs)
        {
            _hubs[silo] = (hub, clock.GetUtcNow());
        }
    }

    /// <summary>Takes a hub's registration or its renewal.</summary>
    /// <returns>Whether the silo's hub was not known before.</returns>
    public bool Register(string siloName, IMonitoringHub hub)
    {
        var known = _hubs.ContainsKey(siloName);
        _hubs[siloName] = (hub, clock.GetUtcNow());
        return !known;
    }

    public ImmutableDictionary<string, IMonitoringHub> Known() => _hubs.ToImmutableDictionary(hub => hub.Key, hub => hub.Value.Hub);

    /// <summary>Publishes to every hub (one batch at a time, so that batches leave in sequence order).</summary>
    public async Task PublishAsync(ChangeBatch batch)
    {
        var expired = clock.GetUtcNow() - (3 * options.HubRefreshInterval);
        foreach (var silo in _hubs.Where(hub => hub.Value.SeenAt < expired).Select(hub => hub.Key).ToList())
        {
            logger.LogInformation("Monitoring hub of {Silo} stopped registering; dropped", silo);
            _hubs.Remove(silo);
        }

        var failed = await Task.WhenAll(_hubs.Select(async hub =>
        {
            try
            {
                // A hub whose silo is gone or stalled must not hold up the others (nor the next batch): it gets a
                // moment, then it is dropped, registers again by itself and resyncs its watchers.
                await hub.Value.Hub.OnChangesAsync(batch).WaitAsync(PublishTimeout);
                return null;
            }
            catch (Exception exception)
            {
                // The hub notices the gap in the sequence numbers and resyncs its watchers.
                logger.LogWarning(exception, "Monitoring hub of {Silo} did not take a batch; dropped until it registers again", hub.Key);
                return hub.Key;
            }
        }));
        foreach (var silo in failed.OfType<string>())
        {
            _hubs.Remove(silo);
        }
    }
}
