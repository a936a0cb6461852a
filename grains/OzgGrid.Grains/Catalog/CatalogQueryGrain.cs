using Orleans.Concurrency;
using System.Collections.Immutable;
using OzgGrid.Grains.Abstractions.Catalog;
using OzgGrid.Grains.Abstractions.Leistungen;
using OzgGrid.Grains.Abstractions.Monitoring;
using OzgGrid.Grains.Abstractions.Themenfelder;

namespace OzgGrid.Grains.Catalog;

[StatelessWorker]
public sealed class CatalogQueryGrain : Grain, ICatalogQueryGrain
{
    /// <summary>The Themenfelder are fixed once imported, so each worker asks for them once.</summary>
    private ImmutableArray<int> _themenfeldIds = [];

    public async Task<ImmutableArray<ThemenfeldDetails>> ListThemenfelderAsync()
    {
        var ids = await ThemenfeldIdsAsync(only: null);
        var details = await Task.WhenAll(ids.Select(id => GrainFactory.GetGrain<IThemenfeldGrain>(id).GetAsync()));
        return [.. details];
    }

    public async Task<LeistungPage> QueryLeistungenAsync(LeistungQuery query)
    {
        var ids = await ThemenfeldIdsAsync(query.ThemenfeldId);
        var pages = await Task.WhenAll(ids.Select(id =>
            GrainFactory.GetGrain<IThemenfeldGrain>(id).QueryLeistungenAsync(query.Filter, query.AfterOzgId, query.Limit)));

        // Each Themenfeld returns its first `Limit` matches in OZG-ID order, so the first `Limit` of their union are the page.
        var page = pages.SelectMany(p => p.Leistungen).OrderBy(l => l.OzgId).Take(query.Limit);
        return new LeistungPage([.. page], pages.Sum(p => p.TotalCount));
    }

    public async Task<ImmutableSortedDictionary<string, long>> GetFiguresAsOfAsync(DateTimeOffset moment)
    {
        var ids = await ThemenfeldIdsAsync(only: null);
        var leistungen = await Task.WhenAll(ids.Select(id => GrainFactory.GetGrain<IThemenfeldGrain>(id).GetLeistungenAsOfAsync(moment)));
        return FigureCounter.Recount(leistungen.SelectMany(l => l)).ToImmutable();
    }

    private async Task<ImmutableArray<int>> ThemenfeldIdsAsync(int? only)
    {
        if (_themenfeldIds.IsEmpty)
        {
            _themenfeldIds = await GrainFactory.GetGrain<ICatalogGrain>(ICatalogGrain.Key).GetThemenfeldIdsAsync();
        }

        return only is { } id ? (_themenfeldIds.Contains(id) ? [id] : []) : _themenfeldIds;
    }
}
