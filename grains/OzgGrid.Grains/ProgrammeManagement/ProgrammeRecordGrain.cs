using System.Collections.Immutable;
using OzgGrid.Grains.Abstractions.Changes;
using OzgGrid.Grains.Abstractions.Errors;
using OzgGrid.Grains.Abstractions.ProgrammeManagement;
using OzgGrid.Grains.Records;

namespace OzgGrid.Grains.ProgrammeManagement;

/// <summary>
/// What the programme-management records share: their writes go through a <see cref="VersionedRecord{TBody, TChange}"/>
/// stamped by the <see cref="ProgrammeClock"/>, a write that repeats what is recorded makes no version, and after each
/// new version (and on activation) <see cref="OnCommittedAsync"/> passes the record on.
/// </summary>
public abstract class ProgrammeRecordGrain<TBody>(
    IPersistentState<RecordState<TBody, ProgrammeChange>> state,
    VersionedRecords records,
    ProgrammeClock clock,
    RecordNames names) : Grain, IProgrammeRecordGrain
    where TBody : class
{
    private VersionedRecord<TBody, ProgrammeChange> _record = null!;

    protected TBody? Body => _record.Body;

    protected ProgrammeClock Clock => clock;

    /// <summary>What the record is called in messages, e.g. "Digitalisierungslabor 'familie-kind'".</summary>
    protected abstract string Describe();

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _record = records.For(this, state, names, () => clock.Now);

        // Told again on every activation: a report lost after a persisted change (figures unreachable for a moment)
        // is made up for the next time the record wakes; one that is not newer than counted is ignored.
        if (_record.Body is not null)
        {
            await OnCommittedAsync(Require());
        }
    }

    public async Task<ProgrammeChangePage> GetChangesAsync(long? beforeVersion, int limit)
    {
        Require();
        var (changes, next) = await _record.GetChangesAsync(beforeVersion, limit);
        return new ProgrammeChangePage(changes, next);
    }

    protected Recorded<TBody> Require() =>
        _record.Body is { } body
            ? new Recorded<TBody>(body, _record.Version, _record.Committed.LastChange!)
            : throw new NotFoundException($"There is no {Describe()}.");

    /// <summary>The body a write needs to exist.</summary>
    protected TBody Existing(TBody? body) => body ?? throw new NotFoundException($"There is no {Describe()}.");

    /// <summary>
    /// Applies a write once: <paramref name="authorise"/> first (also before a retry is answered), then
    /// <paramref name="decide"/> on the current body, which returns the next body, what was done and the fields it
    /// touched. No fields on an existing record: nothing changes, and the answer is remembered for retries.
    /// </summary>
    protected async Task<Recorded<TBody>> WriteAsync(
        WriteCommand command,
        long fingerprint,
        Func<TBody?, Task> authorise,
        Func<TBody?, Task<(TBody Next, string Action, ImmutableArray<FieldChange> Fields)>> decide)
    {
        var written = await _record.WriteAsync(command, fingerprint, authorise, async before =>
        {
            var (next, action, fields) = await decide(before);
            return fields.IsEmpty && before is not null
                ? default
                : new(next, (version, stamp) => new ProgrammeChange(version, action, stamp, fields));
        });
        var recorded = new Recorded<TBody>(written.Body, written.Version, written.Stamp);
        if (written.Outcome == WriteOutcome.Changed)
        {
            await OnCommittedAsync(recorded);
        }

        return recorded;
    }

    /// <summary>Refuses a request id the caller used for another write of this record, without writing (a check made ahead of a write).</summary>
    protected void EnsureNotReused(WriteCommand command, long fingerprint) => _record.EnsureNotReused(command, fingerprint);

    /// <summary>
    /// After a change is persisted, and on activation: tell whoever keeps figures from it. Failures there must not fail
    /// the write (nor the activation).
    /// </summary>
    protected virtual Task OnCommittedAsync(Recorded<TBody> recorded) => Task.CompletedTask;

    /// <summary>Only the programme management makes this write: the check to pass as <c>authorise</c>.</summary>
    protected static Func<TBody?, Task> ManagementOnly(WriteCommand command, string what) => _ =>
        command.Scope is { } scope
            ? throw new AccessDeniedException($"IT-Dienstleister '{scope.ItDienstleisterId}' may not {what}; the programme management does.")
            : Task.CompletedTask;
}
