using System.Collections.Immutable;
using OzgGrid.Grains.Abstractions;
using OzgGrid.Grains.Abstractions.Dienstleister;
using OzgGrid.Grains.Changes;

namespace OzgGrid.Grains.Dienstleister;

public sealed class ItDienstleisterDirectoryGrain(
    [PersistentState("it-dienstleister-directory", StorageNames.State)] IPersistentState<ItDienstleisterDirectoryState> state)
    : Grain, IItDienstleisterDirectoryGrain
{
    public Task<ImmutableSortedSet<string>> ListIdsAsync() => Task.FromResult(state.State.Ids);

    public async Task AddAsync(string id)
    {
        if (state.State.Ids.Contains(id))
        {
            return;
        }

        await state.WriteOrRollBackAsync(state.State with { Ids = state.State.Ids.Add(id) }, this);
    }
}
