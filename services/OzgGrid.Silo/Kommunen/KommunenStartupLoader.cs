using Microsoft.Extensions.Options;
using OzgGrid.Grains.Abstractions.Changes;
using OzgGrid.Grains.Catalog;
using OzgGrid.Grains.Kommunen;
using OzgGrid.Silo.Catalog;

namespace OzgGrid.Silo.Kommunen;

/// <summary>
/// Loads the shipped register of all Gemeinden with the catalogue (same switch: <see cref="CatalogOptions.ImportOnFirstStart"/>)
/// into every Land that has none yet; registered after <see cref="CatalogStartupLoader"/>, so it too runs before the gateway accepts calls.
/// </summary>
public sealed class KommunenStartupLoader(
    KommunenImporter importer,
    IOptions<CatalogOptions> options,
    ILogger<KommunenStartupLoader> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.ImportOnFirstStart)
        {
            return;
        }

        // Storage may still be coming up next to the silo: the catalogue loader's retry.
        await CatalogStartupLoader.StartupRetry(logger, "Importing the shipped Kommunen registers").ExecuteAsync(async _ =>
        {
            var command = new WriteCommand($"startup-kommunen-{Guid.NewGuid():N}", ExpectedVersion: null, CatalogStartupLoader.ImportedBy);
            await importer.ImportShippedIfMissingAsync(command);
        }, cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
