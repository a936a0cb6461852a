using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Orleans.Core;
using Orleans.Storage;
using OzgGrid.Grains.Abstractions.Changes;
using OzgGrid.Grains.Abstractions.Errors;

namespace OzgGrid.Grains.Records;

/// <summary>
/// The one write path of every record that takes writes, used by composition: authorise, answer a retry from its
/// receipt, check the expected version, decide, persist (history page before state), and only then let the change
/// leave the record. Request ids are remembered per caller (<see cref="RequestKeys"/>); a write whose persisting fails
/// leaves nothing in memory. Reads serve the last persisted state, never a write still under way.
/// </summary>
public sealed partial class VersionedRecord<TBody, TChange>
    where TBody : class
    where TChange : IRecordedChange
{
    private readonly IPersistentState<RecordState<TBody, TChange>> _state;
    private readonly IGrainStorage _stateStorage;

    /// <summary>
    /// The state as storage holds it, with its ETag: written through the storage directly, not through Orleans' state
    /// bridge, which since Orleans 10 yields to the scheduler before every write (a queue for concurrent writes, which a
    /// record never makes: it writes within its grain's turn). That yield cost every write a scheduled work item and
    /// every awaiting method up to the gateway a continuation of its own (in P1 about 3 KB per update).
    /// </summary>
    private readonly GrainState<RecordState<TBody, TChange>> _stored;
    private readonly HistoryPages<TChange> _history;
    private readonly IGrainBase _grain;
    private readonly RecordNames _names;
    private readonly Func<DateTimeOffset> _now;
    private readonly RecordWriteMetrics _metrics;
    private readonly ILogger _logger;
    private RecordState<TBody, TChange> _committed;

    internal VersionedRecord(
        IPersistentState<RecordState<TBody, TChange>> state,
        IGrainStorage stateStorage,
        IGrainStorage historyStorage,
        IGrainBase grain,
        RecordNames names,
        Func<DateTimeOffset> now,
        RecordWriteMetrics metrics,
        ILogger logger)
    {
        _state = state;
        _stateStorage = stateStorage;
        _history = new HistoryPages<TChange>(historyStorage, grain.GrainContext.GrainId, names.History);
        _grain = grain;
        _names = names;
        _now = now;
        _metrics = metrics;
        _logger = logger;
        if (state.State.Schema > RecordState<TBody, TChange>.CurrentSchema)
        {
            throw new InvalidOperationException(
                $"{names.Kind} {grain.GrainContext.GrainId}: stored in form {state.State.Schema}, newer than this release reads ({RecordState<TBody, TChange>.CurrentSchema}).");
        }

        // An older form is upgraded in memory and stored in the new form by the next write.
        _committed = state.State = state.State.Upgraded();
        _stored = new GrainState<RecordState<TBody, TChange>>(_committed, state.Etag) { RecordExists = state.Etag is not null };
    }

    /// <summary>The state as last persisted.</summary>
    public RecordState<TBody, TChange> Committed => _committed;

    public TBody? Body => _committed.Body;

    public long Version => _committed.Version;

    /// <summary>
    /// Applies a write once. <paramref name="authorise"/> runs first, before a retry is answered, so a caller learns
    /// nothing of writes it may not make; <paramref name="decide"/> runs on the current data after the expected version
    /// was checked and throws for a write the rules refuse.
    /// </summary>
    /// <param name="fingerprint">What the write asks (<see cref="CanonicalEncoding"/>); null: not remembered (imports).</param>
    /// <exception cref="RequestIdReusedException">The caller used this request id for another write of this record.</exception>
    /// <exception cref="VersionConflictException">The caller expected another version.</exception>
    public Task<Written<TBody, TChange>> WriteAsync(
        WriteCommand command,
        long? fingerprint,
        Action<TBody?> authorise,
        Func<TBody?, RecordChange<TBody, TChange>> decide) =>
        WriteCoreAsync(command, fingerprint, new WriteChecks<TBody, TChange>(authorise, null, decide, null));

    /// <summary>As above, for a record whose checks ask other grains.</summary>
    public Task<Written<TBody, TChange>> WriteAsync(
        WriteCommand command,
        long? fingerprint,
        Func<TBody?, Task> authorise,
        Func<TBody?, Task<RecordChange<TBody, TChange>>> decide) =>
        WriteCoreAsync(command, fingerprint, new WriteChecks<TBody, TChange>(null, authorise, null, decide));

    /// <summary>Refuses, before anything is written, a request id the caller used for another write of this record.</summary>
    /// <exception cref="RequestIdReusedException">The caller used this request id for another write of this record.</exception>
    public void EnsureNotReused(WriteCommand command, long fingerprint)
    {
        if (_committed.Receipts.Find(RequestKeys.Of(command)) is { } receipt && receipt.Fingerprint != fingerprint)
        {
            throw new RequestIdReusedException(command.RequestId);
        }
    }

    // One path for both overloads; the checks are called as given, so a record with synchronous checks (every status
    // update) pays no wrapping closures and tasks.
    private async Task<Written<TBody, TChange>> WriteCoreAsync(WriteCommand command, long? fingerprint, WriteChecks<TBody, TChange> checks)
    {
        var before = _committed;
        await checks.AuthoriseAsync(before.Body);
        var requestKey = RequestKeys.Of(command);
        if (fingerprint is not null && before.Receipts.Find(requestKey) is { } receipt)
        {
            return receipt.Fingerprint == fingerprint
                ? await ReplayAsync(receipt.Version)
                : throw new RequestIdReusedException(command.RequestId);
        }

        if (command.ExpectedVersion is { } expected && expected != before.Version)
        {
            throw new VersionConflictException(expected, before.Version);
        }

        var change = await checks.DecideAsync(before.Body);
        if (change.IsNone)
        {
            var body = before.Body ?? throw new InvalidOperationException($"{_names.Kind}: a write that changes nothing needs an existing record.");
            if (fingerprint is { } remembered)
            {
                await PersistAsync(before, before with { Receipts = before.Receipts.Remember(new(requestKey, remembered, before.Version)) }, null);
            }

            return new(body, before.Version, before.LastChange!, before.Unsealed.Count > 0 ? before.Unsealed[^1] : default, WriteOutcome.Unchanged);
        }

        var stamp = new ChangeStamp(command.ChangedBy, _now(), command.RequestId);
        var version = before.Version + 1;
        var record = change.Record!(version, stamp);
        var unsealed = before.Unsealed.Add(record);
        var seals = unsealed.Count >= HistoryPaging.PageSize;
        var next = before with
        {
            Body = change.Next,
            Version = version,
            LastChange = stamp,
            Receipts = fingerprint is { } print ? before.Receipts.Remember(new(requestKey, print, version)) : before.Receipts,
            Unsealed = seals ? UnsealedChanges<TChange>.Empty : unsealed,
            SealedPages = seals ? before.SealedPages + 1 : before.SealedPages,
        };
        await PersistAsync(before, next, seals ? unsealed : null);
        return new(change.Next!, version, stamp, record, WriteOutcome.Changed);
    }

    /// <summary>Persists <paramref name="next"/> (sealing <paramref name="page"/> first); on failure nothing stays in memory.</summary>
    private async Task PersistAsync(RecordState<TBody, TChange> before, RecordState<TBody, TChange> next, UnsealedChanges<TChange>? page)
    {
        try
        {
            // The page before the state: a page whose state write then fails holds a version never reached, which is
            // not counted as sealed and is overwritten when that version is reached.
            if (page is not null)
            {
                await _history.WriteAsync(before.SealedPages, page, () => IsSealedInStorageAsync(before.SealedPages));
            }

            _stored.State = next;
            await WriteStateAsync(next);
        }
        catch (Exception exception)
        {
            // Nothing was acknowledged: forget the write (keep what storage was found to hold after a conflict) and
            // re-read storage (and its ETags) on the next call.
            _stored.State = _committed;
            Mirror();
            _grain.DeactivateOnIdle();
            _logger.LogWarning(exception, "{Record} {Key}: could not persist version {Version}", _names.Kind, _grain.GrainContext.GrainId, next.Version);
            throw;
        }

        _committed = _stored.State = next;
        Mirror();
    }

    /// <summary>Orleans' state bridge shows what storage holds too (with its ETag), for anything that reads it.</summary>
    private void Mirror()
    {
        _state.State = _committed;
        if (_state is StateStorageBridge<RecordState<TBody, TChange>> bridge)
        {
            bridge.Etag = _stored.ETag;
        }
    }

    /// <summary>
    /// Writes the state. An ETag conflict can be this very write: storage took it but its answer was lost, and the SDK's
    /// retry then met its own new ETag. So on a conflict the state is read again (with its ETag): if storage holds
    /// <paramref name="next"/> (version, stamp, receipts), the write is taken; otherwise another writer's state is what
    /// this activation serves from now on, and the write fails.
    /// </summary>
    private async Task WriteStateAsync(RecordState<TBody, TChange> next)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            await _stateStorage.WriteStateAsync(_names.State, _grain.GrainContext.GrainId, _stored);
            _metrics.Written(_names.State, Stopwatch.GetElapsedTime(started));
        }
        catch (InconsistentStateException)
        {
            await _stateStorage.ReadStateAsync(_names.State, _grain.GrainContext.GrainId, _stored);
            var stored = _stored.RecordExists ? _stored.State : null;
            if (stored is not null && IsSame(stored, next))
            {
                _logger.LogInformation("{Record} {Key}: version {Version} was stored though its write reported a conflict", _names.Kind, _grain.GrainContext.GrainId, next.Version);
                return;
            }

            _committed = stored?.Upgraded() ?? new RecordState<TBody, TChange>();
            _metrics.Failed(_names.State);
            throw;
        }
        catch
        {
            _metrics.Failed(_names.State);
            throw;
        }
    }

    private static bool IsSame(RecordState<TBody, TChange> stored, RecordState<TBody, TChange> next) =>
        stored.Version == next.Version
        && stored.LastChange == next.LastChange
        && stored.SealedPages == next.SealedPages
        && stored.Receipts.SameAs(next.Receipts);

    /// <summary>Whether the state in storage has sealed <paramref name="page"/>: read only when that page exists already.</summary>
    private async Task<bool> IsSealedInStorageAsync(long page)
    {
        var stored = new GrainState<RecordState<TBody, TChange>>();
        await _stateStorage.ReadStateAsync(_names.State, _grain.GrainContext.GrainId, stored);
        return stored.RecordExists && stored.State is { } current && current.SealedPages > page;
    }
}
