using System.Collections.Frozen;
using Microsoft.Extensions.Options;
using OzgGrid.Grains.Catalog;

namespace OzgGrid.Grains.Onlinedienste;

/// <summary>
/// Which OZG-Leistung each LeiKa key of the shipped catalogue belongs to, read once from the catalogue files (an import
/// takes the same files). Only a lookup: the Leistung record is asked whether it holds the key.
/// </summary>
public sealed class LeikaKeys(IOptions<CatalogOptions> options)
{
    private readonly Lazy<FrozenDictionary<string, int>> _ozgIds = new(() =>
        CatalogCsvReader.ReadDirectory(options.Value.ResolveDirectory()).Leistungen
            .SelectMany(l => l.LeikaLeistungen.Where(k => k.Key.Length > 0).Select(k => (k.Key, l.OzgId)))
            .DistinctBy(k => k.Key)
            .ToFrozenDictionary(k => k.Key, k => k.OzgId, StringComparer.Ordinal));

    public int? OzgIdOf(string leikaKey) => _ozgIds.Value.TryGetValue(leikaKey, out var ozgId) ? ozgId : null;
}
