using System.Collections.Immutable;
using OzgGrid.Grains.Abstractions;
using OzgGrid.Grains.Abstractions.Catalog;
using OzgGrid.Grains.Changes;

namespace OzgGrid.Grains.Catalog;

public sealed class CatalogGrain(
    [PersistentState("catalog", StorageNames.State)] IPersistentState<CatalogState> state) : Grain, ICatalogGrain
{
    public Task<CatalogImportReport?> GetLastImportAsync() => Task.FromResult(state.State.LastImport);

    public Task<ImmutableArray<int>> GetThemenfeldIdsAsync() =>
        Task.FromResult(state.State.LastImport?.ThemenfeldIds ?? []);

    public async Task RecordImportAsync(CatalogImportReport report)
    {
        await state.WriteOrRollBackAsync(state.State with { LastImport = report }, this);
    }
}
