using System.Collections.Immutable;
using OzgGrid.Grains.Abstractions;
using OzgGrid.Grains.Abstractions.Beschluesse;

namespace OzgGrid.Grains.Beschluesse;

public sealed class BeschlussDirectoryGrain(
    [PersistentState("beschluss-directory", StorageNames.State)] IPersistentState<BeschlussDirectoryState> state)
    : Grain, IBeschlussDirectoryGrain
{
    public Task<ImmutableSortedSet<string>> ListAsync() => Task.FromResult(state.State.Nummern);

    public async Task AddAsync(string nummer)
    {
        if (state.State.Nummern.Contains(nummer))
        {
            return;
        }

        state.State = state.State with { Nummern = state.State.Nummern.Add(nummer) };
        await state.WriteStateAsync();
    }
}
