using Azure;
using Azure.Data.Tables;
using OzgGrid.Silo.Catalog;

namespace OzgGrid.Silo.Hosting;

/// <summary>
/// Before the Orleans silo starts on Azure Storage: the account must answer, or the start is refused naming the
/// setting. Orleans itself, given storage that never answers, fails its membership and then hangs, its reminder
/// service logging a stack trace several times a second. Storage still coming up beside the silo is waited for as
/// long as the catalogue import waits (about a minute). The silo program asks before it starts the host, so that a
/// refusal is its one line and not the host's start failure with a stack trace.
/// </summary>
public sealed class AzureStorageStartupProbe(StorageOptions storage, ILogger<AzureStorageStartupProbe> logger)
{
    /// <exception cref="InvalidOperationException">The storage did not answer, naming the setting.</exception>
    public async Task EnsureReachableAsync(CancellationToken cancellationToken)
    {
        var options = new TableClientOptions();
        options.Retry.MaxRetries = 0;
        options.Retry.NetworkTimeout = TimeSpan.FromSeconds(5);
        var tables = new TableServiceClient(storage.ConnectionString, options);
        try
        {
            await CatalogStartupLoader.StartupRetry(logger, $"Reaching Azure Storage at {tables.Uri}").ExecuteAsync(async token =>
            {
                await foreach (var _ in tables.QueryAsync(maxPerPage: 1, cancellationToken: token).AsPages())
                {
                    break;
                }
            }, cancellationToken);
        }
        catch (RequestFailedException e)
        {
            var reason = e.Status == 0 ? e.Message.Split('\n')[0].Trim() : $"it answered {e.Status} {e.ErrorCode}";
            throw new InvalidOperationException(
                $"Refusing to start: the Azure Storage of {StorageOptions.Section}:ConnectionString (tables at {tables.Uri}) cannot be used: {reason}. " +
                "Check the connection string's endpoints and account key, and that the storage is running.");
        }
    }
}
