using System.Collections.Immutable;
using OzgGrid.Grains.Abstractions.Leistungen;
using OzgGrid.Grains.Abstractions.Themenfelder;
using Orleans.Concurrency;

namespace OzgGrid.Grains.Abstractions.Catalog;

/// <summary>
/// Answers catalogue-wide reads by asking the Themenfelder, which index their Leistungen; stateless, so every
/// silo answers locally and no single grain carries all reads.
/// </summary>
public interface ICatalogQueryGrain : IGrainWithIntegerKey
{
    public const long Key = 0;

    /// <summary>All Themenfelder, ordered by key; empty before the first import.</summary>
    Task<ImmutableArray<ThemenfeldDetails>> ListThemenfelderAsync();

    Task<LeistungPage> QueryLeistungenAsync(LeistungQuery query);

    /// <summary>The programme figures as they were at <paramref name="moment"/>, recounted from the change histories.</summary>
    Task<ImmutableSortedDictionary<string, long>> GetFiguresAsOfAsync(DateTimeOffset moment);
}
