using System.Collections.Immutable;
using Microsoft.Extensions.Logging;
using OzgGrid.Grains.Abstractions.Changes;
using OzgGrid.Grains.Abstractions.Errors;
using OzgGrid.Grains.Abstractions.ProgrammeManagement;
using OzgGrid.Grains.Changes;

namespace OzgGrid.Grains.ProgrammeManagement;

/// <summary>
/// What the programme-management records share with a Leistung: a version that grows by one per accepted change, a
/// request id applied once, an optional expected version, and a history written before the state, both persisted
/// before the answer.
/// </summary>
public abstract class ProgrammeRecordGrain<TBody>(
    IPersistentState<ProgrammeRecordState<TBody>> state,
    IPersistentState<ProgrammeHistory> history,
    ProgrammeClock clock,
    ILogger logger) : Grain, IProgrammeRecordGrain
    where TBody : class
{
    protected TBody? Body => state.State.Body;

    protected long Version => state.State.Version;

    protected ProgrammeClock Clock => clock;

    /// <summary>What the record is called in messages, e.g. "Digitalisierungslabor 'familie-kind'".</summary>
    protected abstract string Describe();

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        // As for a Leistung: a history entry whose state write failed names a version never reached; it is dropped.
        var reached = state.State.Version;
        if (history.State.Changes.Any(change => change.Version > reached))
        {
            history.State = history.State with { Changes = history.State.Changes.RemoveAll(change => change.Version > reached) };
        }

        // Told again on every activation: a report lost after a persisted change (figures unreachable for a moment)
        // is made up for the next time the record wakes; one that is not newer than counted is ignored.
        if (state.State.Body is not null)
        {
            await OnCommittedAsync(Require());
        }
    }

    public Task<ProgrammeChangePage> GetChangesAsync(long? beforeVersion, int limit)
    {
        Require();
        limit = Math.Max(1, limit);
        var below = beforeVersion ?? long.MaxValue;
        var page = history.State.Changes.Reverse().Where(change => change.Version < below).Take(limit + 1).ToImmutableArray();
        return Task.FromResult(page.Length > limit
            ? new ProgrammeChangePage(page.RemoveAt(limit), page[limit - 1].Version)
            : new ProgrammeChangePage(page, null));
    }

    protected Recorded<TBody> Require() =>
        state.State.Body is { } body
            ? new Recorded<TBody>(body, state.State.Version, state.State.LastChange!)
            : throw new NotFoundException($"There is no {Describe()}.");

    protected bool TryReplay(WriteCommand command, string fingerprint, out Recorded<TBody> earlier) =>
        WriteGuard.TryReplay(state.State.RecentWrites, command, fingerprint, out earlier!);

    /// <summary>
    /// Persists <paramref name="next"/> as a new version recording <paramref name="fields"/>; when nothing changed, only
    /// the answer is remembered for retries. Call after <see cref="TryReplay"/> and the write's own checks.
    /// </summary>
    protected async Task<Recorded<TBody>> CommitAsync(
        WriteCommand command, string action, string fingerprint, TBody next, ImmutableArray<FieldChange> fields)
    {
        WriteGuard.EnsureExpectedVersion(command, state.State.Version);
        var before = state.State;
        if (fields.IsEmpty && before.Body is not null)
        {
            var unchanged = Require();
            await state.WriteOrRollBackAsync(before with { RecentWrites = Remember(before, command, fingerprint, unchanged) }, this);
            return unchanged;
        }

        var stamp = new ChangeStamp(command.ChangedBy, clock.Now, command.RequestId);
        var result = new Recorded<TBody>(next, before.Version + 1, stamp);
        var historyBefore = history.State;
        history.State = historyBefore with { Changes = historyBefore.Changes.Add(new ProgrammeChange(result.Version, action, stamp, fields)) };
        state.State = before with
        {
            Body = next,
            Version = result.Version,
            LastChange = stamp,
            RecentWrites = Remember(before, command, fingerprint, result),
        };
        try
        {
            await history.WriteStateAsync();
            await state.WriteStateAsync();
        }
        catch (Exception exception)
        {
            // Nothing was acknowledged: forget the change and re-read storage (and its ETags) on the next call.
            state.State = before;
            history.State = historyBefore;
            DeactivateOnIdle();
            logger.LogWarning(exception, "{Record}: could not persist version {Version}", Describe(), result.Version);
            throw;
        }

        await OnCommittedAsync(result);
        return result;
    }

    /// <summary>
    /// After a change is persisted, and on activation: tell whoever keeps figures from it. Failures there must not fail
    /// the write (nor the activation).
    /// </summary>
    protected virtual Task OnCommittedAsync(Recorded<TBody> recorded) => Task.CompletedTask;

    /// <summary>Only the programme management makes this write.</summary>
    protected void EnsureManagement(WriteCommand command, string what)
    {
        if (command.Scope is { } scope)
        {
            throw new AccessDeniedException($"IT-Dienstleister '{scope.ItDienstleisterId}' may not {what}; the programme management does.");
        }
    }

    private static ImmutableArray<RecentWrite<Recorded<TBody>>> Remember(
        ProgrammeRecordState<TBody> current, WriteCommand command, string fingerprint, Recorded<TBody> result) =>
        WriteGuard.Remember(current.RecentWrites, new RecentWrite<Recorded<TBody>>(command.RequestId, fingerprint, result));
}
