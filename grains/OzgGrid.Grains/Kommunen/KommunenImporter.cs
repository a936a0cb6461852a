using System.Collections.Immutable;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OzgGrid.Grains.Abstractions.Changes;
using OzgGrid.Grains.Abstractions.Kommunen;
using OzgGrid.Grains.Catalog;

namespace OzgGrid.Grains.Kommunen;

/// <summary>Loads the shipped register of all Gemeinden (see <see cref="ShippedGemeinden"/>) into the 16 register grains.</summary>
public sealed class KommunenImporter(IGrainFactory grains, IOptions<CatalogOptions> options, ILogger<KommunenImporter> logger)
{
    /// <summary>
    /// Imports each Land's shipped register unless that Land has one already, so that a register imported since (say, a
    /// newer Gebietsstand) is not replaced when a silo restarts. All Länder in one pass, in parallel: one write each.
    /// The results of the Länder imported now.
    /// </summary>
    public async Task<ImmutableArray<KommunenImportResult>> ImportShippedIfMissingAsync(WriteCommand command)
    {
        var shipped = ShippedGemeinden.Read(options.Value.ResolveDirectory());
        var results = await Task.WhenAll(shipped.Select(async land =>
        {
            var register = grains.GetGrain<IKommunenRegisterGrain>(land.Key);
            if ((await register.GetAsync()).Version > 0)
            {
                return null;
            }

            // One request id per Land: the same id for different lists would be refused as reused.
            var perLand = command with { RequestId = $"{command.RequestId}/{land.Key}" };
            return await register.ImportAsync(perLand, new Gebietsstand(land.Value, ImmutableSortedDictionary<string, string>.Empty, ShippedGemeinden.Attribution));
        }));

        var imported = results.OfType<KommunenImportResult>().ToImmutableArray();
        if (!imported.IsEmpty)
        {
            logger.LogInformation("Kommunen registers imported from {File}: {Laender} Länder, {Count} Gemeinden",
                ShippedGemeinden.File, imported.Length, imported.Sum(result => result.Count));
        }

        return imported;
    }
}
