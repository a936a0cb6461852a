using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OzgGrid.Grains.Abstractions.Changes;
using OzgGrid.Grains.Abstractions.Kommunen;
using OzgGrid.Grains.Catalog;

namespace OzgGrid.Grains.Kommunen;

/// <summary>Loads the shipped NRW Kommunen register (see <see cref="ShippedKommunen"/>) into its register grain.</summary>
public sealed class KommunenImporter(IGrainFactory grains, IOptions<CatalogOptions> options, ILogger<KommunenImporter> logger)
{
    /// <summary>
    /// Imports the shipped register unless NW has one already, so that a register imported since (say, with the official
    /// AGS) is not replaced when a silo restarts. Null when nothing was imported.
    /// </summary>
    public async Task<KommunenImportResult?> ImportShippedIfMissingAsync(WriteCommand command)
    {
        var register = grains.GetGrain<IKommunenRegisterGrain>(ShippedKommunen.NrwLand);
        if ((await register.GetAsync()).Version > 0)
        {
            return null;
        }

        var kommunen = ShippedKommunen.ReadNrw(options.Value.ResolveDirectory());
        var result = await register.ImportAsync(command, kommunen);
        logger.LogInformation("Kommunen register of {Land} imported: {Count} Kommunen (generated AGS)", result.Land, result.Count);
        return result;
    }
}
