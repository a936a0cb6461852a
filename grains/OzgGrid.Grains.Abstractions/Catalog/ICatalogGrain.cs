using System.Collections.Immutable;
using Orleans.Concurrency;

namespace OzgGrid.Grains.Abstractions.Catalog;

/// <summary>The catalogue as a whole (one grain, key <see cref="Key"/>): remembers the latest import.</summary>
public interface ICatalogGrain : IGrainWithIntegerKey
{
    public const long Key = 0;

    Task<CatalogImportReport?> GetLastImportAsync();

    /// <summary>The keys of the imported Themenfelder; empty before the first import.</summary>
    [ReadOnly]
    Task<ImmutableArray<int>> GetThemenfeldIdsAsync();

    Task RecordImportAsync(CatalogImportReport report);
}
