using OzgGrid.Grains.Abstractions;
using OzgGrid.Grains.Abstractions.Changes;
using OzgGrid.Grains.Abstractions.Rollout;
using System.Collections.Immutable;
using OzgGrid.Grains.Abstractions.Errors;
using OzgGrid.Grains.Changes;
using OzgGrid.Grains.Records;

namespace OzgGrid.Grains.Rollout;

/// <summary>One (Leistung, Kommune) entry: small, so that millions of them can be resident at once.</summary>
public sealed class RolloutEntryGrain(
    [PersistentState("rollout-entry", StorageNames.State)] IPersistentState<RolloutEntryState> state,
    TimeProvider clock) : Grain, IRolloutEntryGrain
{
    public async Task<RolloutEntry> ReportAsync(WriteCommand command, RolloutReport report)
    {
        var requestKey = RequestKeys.Of(command);
        var fingerprint = Fingerprint(report);
        if (state.State.Receipts.FirstOrDefault(receipt => receipt.RequestKey == requestKey) is { } earlier)
        {
            return earlier.Fingerprint == fingerprint ? earlier.Answer : throw new RequestIdReusedException(command.RequestId);
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
            next with { Receipts = Remember(next.Receipts, new(requestKey, fingerprint, entry)) }, this);
        return entry;
    }

    public Task<RolloutEntry?> FindAnswerAsync(WriteCommand command, RolloutReport report)
    {
        var (requestKey, fingerprint) = (RequestKeys.Of(command), Fingerprint(report));
        return Task.FromResult(state.State.Receipts.FirstOrDefault(receipt => receipt.RequestKey == requestKey && receipt.Fingerprint == fingerprint)?.Answer);
    }

    public Task<RolloutEntry> GetAsync() => Task.FromResult(ToEntry(state.State));

    public static long Fingerprint(RolloutReport report) =>
        new CanonicalEncoding("rollout-entry.report/1").Text(report.Ags).Number((int)report.Verfuegbarkeit).Number(report.Reifegrad).Hash();

    private static ImmutableArray<RolloutEntryReceipt> Remember(ImmutableArray<RolloutEntryReceipt> receipts, RolloutEntryReceipt receipt)
    {
        var all = receipts.Add(receipt);
        return all.Length > WriteReceipts.Capacity ? all.RemoveRange(0, all.Length - WriteReceipts.Capacity) : all;
    }

    private RolloutEntry ToEntry(RolloutEntryState current)
    {
        var (ozgId, ags) = RolloutKeys.Parse(this.GetPrimaryKeyString());
        return new RolloutEntry(ozgId, ags, current.Verfuegbarkeit, current.Reifegrad, current.Version, current.LastChange);
    }
}
