using System.Collections.Immutable;
using Microsoft.Extensions.Logging;
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
    TimeProvider clock,
    ILogger<KommunenRegisterGrain> logger) : Grain, IKommunenRegisterGrain, IRemindable
{
    /// <summary>Tells the Land rollouts of an import once more a minute later, so that a silo stop does not lose it.</summary>
    public const string RecountReminder = "recount-rollouts";

    private static readonly TimeSpan RecountAgainAfter = TimeSpan.FromMinutes(1);

    private string LandKuerzel => this.GetPrimaryKeyString();

    public async Task<KommunenImportResult> ImportAsync(WriteCommand command, ImmutableArray<Kommune> kommunen)
    {
        if (!LaenderRegister.TryFind(LandKuerzel, out var land) || land.Kuerzel != LandKuerzel)
        {
            throw new InvalidFieldException("land", $"'{LandKuerzel}' is not the kürzel of a Land.");
        }

        KommunenRules.Validate(land, kommunen);
        var next = kommunen.ToImmutableSortedDictionary(k => k.Ags, k => k);
        var fingerprint = $"import|{Fingerprints.Of(string.Join('\n', next.Values.Select(k => $"{k.Ags};{k.Name};{k.Source}")))}";
        if (WriteGuard.TryReplay(state.State.RecentImports, command, fingerprint, out var earlier))
        {
            // A retry after a lost answer: applying its list again could undo a later import. The rollouts may not have
            // been told when the first attempt failed.
            await RecountAgainLaterAsync();
            TellRollouts();
            return earlier;
        }

        var current = state.State.Kommunen;
        var added = next.Keys.Count(ags => !current.ContainsKey(ags));
        var removed = current.Keys.Count(ags => !next.ContainsKey(ags));
        var changed = next.Count(pair => current.TryGetValue(pair.Key, out var before) && before != pair.Value);
        if (added == 0 && removed == 0 && changed == 0 && state.State.Version > 0)
        {
            var unchanged = new KommunenImportResult(LandKuerzel, current.Count, 0, 0, 0, state.State.Version);
            await state.WriteOrRollBackAsync(state.State with { RecentImports = Remember(command, fingerprint, unchanged) }, this);
            return unchanged;
        }

        var stamp = new ChangeStamp(command.ChangedBy, clock.GetUtcNow(), command.RequestId);
        var result = new KommunenImportResult(LandKuerzel, next.Count, added, removed, changed, state.State.Version + 1);
        await state.WriteOrRollBackAsync(
            state.State with
            {
                Kommunen = next, Version = result.Version, LastChange = stamp, RecentImports = Remember(command, fingerprint, result),
            },
            this);

        await RecountAgainLaterAsync();
        TellRollouts();
        return result;
    }

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (reminderName != RecountReminder)
        {
            return;
        }

        TellRollouts();
        if (await this.GetReminder(RecountReminder) is { } reminder)
        {
            await this.UnregisterReminder(reminder);
        }
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

    /// <summary>
    /// One-way: a Land rollout reads the register back, and would wait for this grain while the import is under way.
    /// A recount that finds nothing changed writes nothing, so telling them twice is harmless.
    /// </summary>
    private void TellRollouts()
    {
        var changedBy = state.State.LastChange?.ChangedBy ?? "ozggrid-kommunen";
        foreach (var ozgId in state.State.RolloutLeistungen)
        {
            _ = GrainFactory.GetGrain<ILandRolloutGrain>(RolloutKeys.Land(ozgId, LandKuerzel)).RecountAsync(changedBy);
        }
    }

    /// <summary>The one-way messages are lost if this silo stops before they are delivered; the reminder is stored.</summary>
    private async Task RecountAgainLaterAsync()
    {
        if (state.State.RolloutLeistungen.IsEmpty)
        {
            return;
        }

        try
        {
            await this.RegisterOrUpdateReminder(RecountReminder, RecountAgainAfter, RecountAgainAfter);
        }
        catch (Exception fault)
        {
            logger.LogWarning(fault, "Kommunen register {Land}: no reminder to recount the rollouts again; they recount at their next report", LandKuerzel);
        }
    }

    private ImmutableArray<RecentWrite<KommunenImportResult>> Remember(WriteCommand command, string fingerprint, KommunenImportResult result) =>
        WriteGuard.Remember(state.State.RecentImports, new RecentWrite<KommunenImportResult>(command.RequestId, fingerprint, result));
}
