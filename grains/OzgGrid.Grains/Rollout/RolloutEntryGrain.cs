using OzgGrid.Grains.Abstractions;
using OzgGrid.Grains.Abstractions.Changes;
using OzgGrid.Grains.Abstractions.Rollout;
using OzgGrid.Grains.Changes;

namespace OzgGrid.Grains.Rollout;

/// <summary>One (Leistung, Kommune) entry: small, so that millions of them can be resident at once.</summary>
public sealed class RolloutEntryGrain(
    [PersistentState("rollout-entry", StorageNames.State)] IPersistentState<RolloutEntryState> state,
    TimeProvider clock) : Grain, IRolloutEntryGrain
{
    public async Task<RolloutEntry> ReportAsync(WriteCommand command, RolloutReport report)
    {
        var fingerprint = Fingerprint(report);
        if (WriteGuard.TryReplay(state.State.RecentWrites, command, fingerprint, out var earlier))
        {
            return earlier;
        }

        RolloutRules.Validate(report);
        var current = state.State;

        // A report that repeats the entry makes no new version (so the Land counts nothing twice); its answer is
        // remembered all the same, so that a retry arriving after a later change is not applied over it.
        var next = current.Version > 0 && current.Verfuegbarkeit == report.Verfuegbarkeit && current.Reifegrad == report.Reifegrad
            ? current
            : current with
            {
                Verfuegbarkeit = report.Verfuegbarkeit,
                Reifegrad = report.Reifegrad,
                Version = current.Version + 1,
                LastChange = new ChangeStamp(command.ChangedBy, clock.GetUtcNow(), command.RequestId),
            };
        var entry = ToEntry(next);
        await state.WriteOrRollBackAsync(
            next with { RecentWrites = WriteGuard.Remember(next.RecentWrites, new(command.RequestId, fingerprint, entry)) }, this);
        return entry;
    }

    public Task<RolloutEntry?> FindAnswerAsync(string requestId, RolloutReport report)
    {
        var fingerprint = Fingerprint(report);
        return Task.FromResult(state.State.RecentWrites.FirstOrDefault(write => write.RequestId == requestId && write.Fingerprint == fingerprint)?.Result);
    }

    public Task<RolloutEntry> GetAsync() => Task.FromResult(ToEntry(state.State));

    private static string Fingerprint(RolloutReport report) => $"rollout|{report.Verfuegbarkeit}|{report.Reifegrad}";

    private RolloutEntry ToEntry(RolloutEntryState current)
    {
        var (ozgId, ags) = RolloutKeys.Parse(this.GetPrimaryKeyString());
        return new RolloutEntry(ozgId, ags, current.Verfuegbarkeit, current.Reifegrad, current.Version, current.LastChange);
    }
}
