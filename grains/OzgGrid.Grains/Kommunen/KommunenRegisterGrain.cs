using System.Collections.Immutable;
using OzgGrid.Grains.Abstractions;
using OzgGrid.Grains.Abstractions.Changes;
using OzgGrid.Grains.Abstractions.Errors;
using OzgGrid.Grains.Abstractions.Kommunen;
using OzgGrid.Grains.Abstractions.Laender;
using OzgGrid.Grains.Abstractions.Rollout;
using OzgGrid.Grains.Changes;

namespace OzgGrid.Grains.Kommunen;

public sealed class KommunenRegisterGrain(
    [PersistentState("kommunen", StorageNames.State)] IPersistentState<KommunenRegisterState> state,
    TimeProvider clock) : Grain, IKommunenRegisterGrain
{
    private string LandKuerzel => this.GetPrimaryKeyString();

    public async Task<KommunenImportResult> ImportAsync(WriteCommand command, ImmutableArray<Kommune> kommunen)
    {
        if (!LaenderRegister.TryFind(LandKuerzel, out var land) || land.Kuerzel != LandKuerzel)
        {
            throw new InvalidFieldException("land", $"'{LandKuerzel}' is not the kürzel of a Land.");
        }

        KommunenRules.Validate(land, kommunen);
        var current = state.State.Kommunen;
        var next = kommunen.ToImmutableSortedDictionary(k => k.Ags, k => k);
        var added = next.Keys.Count(ags => !current.ContainsKey(ags));
        var removed = current.Keys.Count(ags => !next.ContainsKey(ags));
        var changed = next.Count(pair => current.TryGetValue(pair.Key, out var before) && before != pair.Value);
        if (added == 0 && removed == 0 && changed == 0 && state.State.Version > 0)
        {
            return new(LandKuerzel, current.Count, 0, 0, 0, state.State.Version);
        }

        var stamp = new ChangeStamp(command.ChangedBy, clock.GetUtcNow(), command.RequestId);
        await state.WriteOrRollBackAsync(
            state.State with { Kommunen = next, Version = state.State.Version + 1, LastChange = stamp }, this);

        // One-way: the Land rollouts read the register back, and a recount they miss happens at their next report.
        foreach (var ozgId in state.State.RolloutLeistungen)
        {
            _ = GrainFactory.GetGrain<ILandRolloutGrain>(RolloutKeys.Land(ozgId, LandKuerzel)).RecountAsync(command.ChangedBy);
        }

        return new(LandKuerzel, next.Count, added, removed, changed, state.State.Version);
    }

    public async Task AddRolloutAsync(int ozgId)
    {
        if (!state.State.RolloutLeistungen.Contains(ozgId))
        {
            await state.WriteOrRollBackAsync(state.State with { RolloutLeistungen = state.State.RolloutLeistungen.Add(ozgId) }, this);
        }
    }

    public Task<KommunenRegister> GetAsync() =>
        Task.FromResult(new KommunenRegister(LandKuerzel, state.State.Kommunen, state.State.Version, state.State.LastChange));
}
