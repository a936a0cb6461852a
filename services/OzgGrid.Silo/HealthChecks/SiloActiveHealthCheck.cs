using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace OzgGrid.Silo.HealthChecks;

/// <summary>Ready while the cluster's membership lists this silo as active: not while it joins, shuts down or was declared dead.</summary>
public sealed class SiloActiveHealthCheck(IClusterMembershipService membership, ILocalSiloDetails silo) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var status = membership.CurrentSnapshot.GetSiloStatus(silo.SiloAddress);
        return Task.FromResult(status == SiloStatus.Active
            ? HealthCheckResult.Healthy($"Silo {silo.SiloAddress} is active in cluster {silo.ClusterId}.")
            : HealthCheckResult.Unhealthy($"Silo {silo.SiloAddress} is {status} in cluster {silo.ClusterId}."));
    }
}
