using System.Collections.Immutable;
using OzgGrid.Grains.Abstractions;
using OzgGrid.Grains.Abstractions.ProgrammeManagement;
using OzgGrid.Grains.Changes;

namespace OzgGrid.Grains.ProgrammeManagement;

public sealed class IdSetGrain([PersistentState("id-set", StorageNames.State)] IPersistentState<IdSetState> state) : Grain, IIdSetGrain
{
    public Task<ImmutableSortedSet<string>> GetAsync() => Task.FromResult(state.State.Ids);

    public async Task SetAsync(string id, bool member)
    {
        var next = member ? state.State.Ids.Add(id) : state.State.Ids.Remove(id);
        if (next == state.State.Ids)
        {
            return;
        }

        await state.WriteOrRollBackAsync(state.State with { Ids = next }, this);
    }
}
