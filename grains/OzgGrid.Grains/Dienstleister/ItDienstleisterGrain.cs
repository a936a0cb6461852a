using OzgGrid.Grains.Abstractions;
using OzgGrid.Grains.Abstractions.Changes;
using OzgGrid.Grains.Abstractions.Dienstleister;
using OzgGrid.Grains.Abstractions.Errors;
using OzgGrid.Grains.Changes;

namespace OzgGrid.Grains.Dienstleister;

public sealed class ItDienstleisterGrain(
    [PersistentState("it-dienstleister", StorageNames.State)] IPersistentState<ItDienstleisterState> state,
    TimeProvider clock) : Grain, IItDienstleisterGrain
{
    private string Id => this.GetPrimaryKeyString();

    public Task<ItDienstleister> GetAsync() =>
        Task.FromResult(state.State.Current ?? throw new NotFoundException($"No IT-Dienstleister is registered as '{Id}'."));

    public Task<ItDienstleister?> FindAsync() => Task.FromResult(state.State.Current);

    public async Task<ItDienstleister> RegisterAsync(WriteCommand command, ItDienstleisterRegistration registration)
    {
        var fingerprint = $"register|{command.ExpectedVersion}|{registration.Name}|{string.Join(",", registration.Laender)}|{registration.Contact}";
        if (WriteGuard.TryReplay(state.State.RecentWrites, command, fingerprint, out var earlier))
        {
            return earlier;
        }

        var version = state.State.Current?.Version ?? 0;
        WriteGuard.EnsureExpectedVersion(command, version);
        ItDienstleisterRules.Validate(registration);
        var stamp = new ChangeStamp(command.ChangedBy, clock.GetUtcNow(), command.RequestId);
        var registered = new ItDienstleister(Id, registration.Name, registration.Laender, registration.Contact, version + 1, stamp);

        // The directory first: a registration it does not list yet would be invisible in lists.
        await GrainFactory.GetGrain<IItDienstleisterDirectoryGrain>(IItDienstleisterDirectoryGrain.Key).AddAsync(Id);
        await state.WriteOrRollBackAsync(
            new ItDienstleisterState
            {
                Current = registered,
                RecentWrites = WriteGuard.Remember(state.State.RecentWrites, new(command.RequestId, fingerprint, registered)),
            },
            this);

        return registered;
    }
}
