using System.Collections.Immutable;
using OzgGrid.Grains.Abstractions;
using OzgGrid.Grains.Abstractions.Komponenten;

namespace OzgGrid.Grains.Komponenten;

public sealed class LeistungKomponentenGrain(
    [PersistentState("leistung-komponenten", StorageNames.State)] IPersistentState<LeistungKomponentenState> state)
    : Grain, ILeistungKomponentenGrain
{
    public Task<ImmutableSortedSet<string>> GetAsync() => Task.FromResult(state.State.KomponenteIds);

    public async Task SetAsync(string komponenteId, bool used)
    {
        var next = used ? state.State.KomponenteIds.Add(komponenteId) : state.State.KomponenteIds.Remove(komponenteId);
        if (next == state.State.KomponenteIds)
        {
            return;
        }

        state.State = state.State with { KomponenteIds = next };
        await state.WriteStateAsync();
    }
}
