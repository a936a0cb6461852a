using Microsoft.Extensions.Diagnostics.HealthChecks;
using OzgGrid.Grains.Abstractions.Catalog;

namespace OzgGrid.Silo.Catalog;

/// <summary>Ready once a catalogue is imported: before that, every list is empty and every OZG-ID unknown.</summary>
public sealed class CatalogHealthCheck(IGrainFactory grains) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var ids = await grains.GetGrain<ICatalogGrain>(ICatalogGrain.Key).GetThemenfeldIdsAsync().WaitAsync(cancellationToken);
        return ids.IsEmpty
            ? HealthCheckResult.Unhealthy("No catalogue imported yet.")
            : HealthCheckResult.Healthy($"{ids.Length} Themenfelder in the catalogue.");
    }
}
