using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace OzgGrid.Silo.HealthChecks;

/// <summary>Ready while the state table answers: a query of a partition that holds nothing, so the check reads no data.</summary>
public sealed class StorageHealthCheck(TableClient table) : IHealthCheck
{
    private const string ProbeFilter = "PartitionKey eq 'ozggrid-health-probe'";

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await foreach (var _ in table.QueryAsync<TableEntity>(ProbeFilter, maxPerPage: 1, select: ["PartitionKey"], cancellationToken).AsPages())
            {
                break;
            }

            return HealthCheckResult.Healthy($"Table {table.Name} at {table.Uri.Host}:{table.Uri.Port} answers.");
        }
        catch (RequestFailedException exception)
        {
            // The message is enough: a stack trace on every probe of an outage would bury the log.
            return HealthCheckResult.Unhealthy(exception.Status == 0
                ? $"Table {table.Name} cannot be reached: {exception.Message}"
                : $"Table {table.Name} answered {exception.Status} {exception.ErrorCode}.");
        }
    }
}
