using System.Collections.Immutable;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Orleans.Storage;
using OzgGrid.Grains.Abstractions;
using OzgGrid.Grains.Abstractions.Changes;
using OzgGrid.Grains.Abstractions.Errors;
using OzgGrid.Grains.Abstractions.Leistungen;
using OzgGrid.Grains.Abstractions.Monitoring;
using OzgGrid.Grains.Abstractions.Termine;
using OzgGrid.Grains.Abstractions.Themenfelder;
using OzgGrid.Grains.Changes;
using OzgGrid.Grains.Monitoring;

namespace OzgGrid.Grains.Leistungen;

public sealed class LeistungGrain(
    [PersistentState(LeistungGrain.StateName, StorageNames.State)] IPersistentState<LeistungState> state,
    [FromKeyedServices(StorageNames.State)] IGrainStorage stateStorage,
    [FromKeyedServices(StorageNames.History)] IGrainStorage historyStorage,
    TimeProvider clock,
    ChangeBatcher monitoring,
    ILogger<LeistungGrain> logger) : Grain, ILeistungGrain
{
    public const string StateName = "leistung";

    /// <summary>
    /// The state as last persisted. Interleaving readers see this, never a change whose write is still under way
    /// (and might fail).
    /// </summary>
    private LeistungState? _committed;

    private LeistungHistoryPages? _history;

    /// <summary>The Themenfeld told of every change, kept: Orleans makes a grain reference by reflection each time.</summary>
    private (int Id, IThemenfeldGrain Grain)? _themenfeld;

    /// <summary>
    /// Whether the Leistung has milestones: unknown (null) until a setback asks its milestone record, so that a
    /// Leistung without any (most of them) does not ask on every setback. Milestones are never removed.
    /// </summary>
    private bool? _hasMilestones;

    /// <summary>Counts <see cref="OnMilestonesSetAsync"/>, so that an answer "none" that crossed it is not kept.</summary>
    private int _milestoneNotices;

    private int OzgId => (int)this.GetPrimaryKeyLong();

    private LeistungHistoryPages History => _history ??= new(historyStorage, this.GetGrainId());

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (!state.State.HistoryInPages && state.State.Version > 0)
        {
            await MoveWholeHistoryIntoPagesAsync();
        }

        if (!state.State.RecentWrites.IsEmpty || !state.State.UnpackedReceipts.IsEmpty)
        {
            // Kept in memory until the next write stores them in the current form.
            var converted = state.State.RecentWrites.Select(write =>
                new UnpackedWriteReceipt(write.RequestId, Fingerprints.Of(write.Fingerprint), write.Result.Version, write.Result.Zustaendigkeit));
            state.State = state.State with
            {
                Receipts = LeistungReceipts.Of([.. converted.Concat(state.State.UnpackedReceipts).Select(receipt => receipt.ToReceipt()), .. state.State.Receipts.All]),
                RecentWrites = [],
                UnpackedReceipts = [],
            };
        }

        _committed = state.State;
    }

    public Task<LeistungDetails> GetAsync()
    {
        var catalog = RequireCatalog();
        var current = state.State;
        return Task.FromResult(new LeistungDetails(catalog, current.Zustaendigkeit, current.Status, current.Version, current.LastChange!));
    }

    public Task<LeistungSummary?> GetSummaryAsync() =>
        Task.FromResult(_committed?.Catalog is null ? null : ToSummary(_committed));

    public async Task<ChangePage> GetChangesAsync(long? beforeVersion, int limit)
    {
        RequireCatalog();
        limit = Math.Max(1, limit);
        var page = ImmutableArray.CreateBuilder<ChangeRecord>(limit + 1);
        await foreach (var change in NewestFirst(beforeVersion ?? long.MaxValue))
        {
            page.Add(change);
            if (page.Count > limit)
            {
                break;
            }
        }

        return page.Count > limit
            ? new ChangePage(page.ToImmutable().RemoveAt(limit), page[limit - 1].Version)
            : new ChangePage(page.ToImmutable(), null);
    }

    public async Task<LeistungAsOf?> GetAsOfAsync(DateTimeOffset moment)
    {
        if (state.State.Catalog is not { } catalog)
        {
            return null;
        }

        await foreach (var record in NewestFirst(long.MaxValue))
        {
            if (record.Stamp.ChangedAt <= moment)
            {
                var status = record.StatusAfter ?? LeistungStatus.Initial;
                var summary = new LeistungSummary(OzgId, catalog.Name, catalog.LageId, catalog.ThemenfeldId, status, record.Version);
                return new LeistungAsOf(summary, record.Stamp);
            }
        }

        return null;
    }

    public async Task<LeistungWriteResult> UpdateStatusAsync(WriteCommand command, LeistungStatusUpdate update)
    {
        RequireCatalog();
        var write = RememberedWrite.Of(command, $"status|{command.ExpectedVersion}|{update}");
        if (await TryReplayAsync(command, write) is { } earlier)
        {
            return earlier;
        }

        EnsureWithinScope(command.Scope, update);
        WriteGuard.EnsureExpectedVersion(command, state.State.Version);
        var (next, fields) = LeistungStatusRules.Apply(state.State.Status, update);
        return fields.IsEmpty
            ? await RememberUnchangedAsync(command, write)
            : await CommitAsync(ChangeKind.Status, command, fields, current => current with { Status = next }, write);
    }

    public async Task<LeistungWriteResult> SetZustaendigkeitAsync(WriteCommand command, Zustaendigkeit zustaendigkeit)
    {
        RequireCatalog();
        var write = RememberedWrite.Of(command, $"zustaendigkeit|{command.ExpectedVersion}|{Describe(zustaendigkeit)}");
        if (await TryReplayAsync(command, write) is { } earlier)
        {
            return earlier;
        }

        WriteGuard.EnsureExpectedVersion(command, state.State.Version);
        ZustaendigkeitRules.Validate(zustaendigkeit);
        var before = state.State.Zustaendigkeit;
        if (zustaendigkeit.SameAs(before))
        {
            return await RememberUnchangedAsync(command, write);
        }

        FieldChange[] fields = [new("zustaendigkeit", Describe(before), Describe(zustaendigkeit))];
        return await CommitAsync(
            ChangeKind.Zustaendigkeit, command, [.. fields], current => current with { Zustaendigkeit = zustaendigkeit }, write);
    }

    public Task OnMilestonesSetAsync()
    {
        _milestoneNotices++;
        _hasMilestones = true;
        return Task.CompletedTask;
    }

    public async Task<CatalogImportOutcome> ImportAsync(LeistungCatalogEntry entry, ChangeStamp stamp)
    {
        var before = state.State.Catalog;
        if (before is not null && before.SameAs(entry))
        {
            return CatalogImportOutcome.Unchanged;
        }

        var fields = CatalogChanges(before, entry);
        var command = new WriteCommand(stamp.RequestId, ExpectedVersion: null, stamp.ChangedBy);
        await CommitAsync(ChangeKind.Katalog, command, fields, current => current with { Catalog = entry }, write: null);
        return before is null ? CatalogImportOutcome.Created : CatalogImportOutcome.Changed;
    }

    /// <summary>
    /// A write that repeats the current values makes no new version, but its answer is remembered like any other:
    /// a retry that arrives after a later change must get this answer, not be applied again over that change.
    /// </summary>
    private async Task<LeistungWriteResult> RememberUnchangedAsync(WriteCommand command, RememberedWrite write)
    {
        var current = state.State;
        var result = ToResult(current);
        await state.WriteOrRollBackAsync(current with { Receipts = Remember(current, write) }, this);
        _committed = state.State;
        return result;
    }

    /// <summary>Persists a change (with the state, sealing a page of the history when it is full) before answering, then tells the index and the monitoring.</summary>
    private async Task<LeistungWriteResult> CommitAsync(
        ChangeKind kind,
        WriteCommand command,
        ImmutableArray<FieldChange> fields,
        Func<LeistungState, LeistungState> change,
        RememberedWrite? write)
    {
        var stateBefore = state.State;
        var stamp = new ChangeStamp(command.ChangedBy, clock.GetUtcNow(), command.RequestId);
        var next = change(stateBefore) with { Version = stateBefore.Version + 1, LastChange = stamp };
        var result = ToResult(next);
        if (write is { } remembered)
        {
            next = next with { Receipts = Remember(next, remembered) };
        }

        var record = new ChangeRecord(next.Version, kind, stamp, fields, next.Status);
        var unsealed = stateBefore.UnsealedChanges.Add(record);
        var sealsPage = unsealed.Count >= LeistungHistoryPages.PageSize;
        next = sealsPage
            ? next with { UnsealedChanges = [], SealedPages = stateBefore.SealedPages + 1, HistoryInPages = true }
            : next with { UnsealedChanges = unsealed, HistoryInPages = true };
        try
        {
            // The page before the state: a page whose state write then fails holds a version never reached, which is
            // not counted as sealed and is overwritten when that version is reached.
            if (sealsPage)
            {
                await History.WriteAsync(stateBefore.SealedPages, unsealed, () => IsSealedInStorageAsync(stateBefore.SealedPages));
            }

            state.State = next;
            await state.WriteStateAsync();
        }
        catch (Exception exception)
        {
            // Nothing was acknowledged: forget the change and re-read storage (and its ETags) on the next call.
            state.State = stateBefore;
            DeactivateOnIdle();
            logger.LogWarning(exception, "Leistung {OzgId}: could not persist version {Version}", OzgId, next.Version);
            throw;
        }

        _committed = next;

        await NotifyAsync(new LeistungChanged(ToSummary(next), kind, stamp, fields));
        if (_hasMilestones != false && MeilensteinRules.MayUnreach(stateBefore.Status, next.Status))
        {
            // Not awaited: the write is answered without it, and a milestone record on a silo that just failed must
            // not hold up the Leistung's writes until the cluster notices.
            _ = RecheckMilestonesAsync(next.Version);
        }

        return result;
    }

    /// <summary>Whether the state in storage has sealed <paramref name="page"/>: read only when that page exists already.</summary>
    private async Task<bool> IsSealedInStorageAsync(long page)
    {
        var stored = new GrainState<LeistungState>();
        await stateStorage.ReadStateAsync(StateName, this.GetGrainId(), stored);
        return stored.RecordExists && stored.State is { } current && current.SealedPages > page;
    }

    /// <summary>
    /// A milestone reached before may be missed now. The milestone record keeps no reminder once every milestone is
    /// reached, so it is told at once rather than left to a check that would never come.
    /// </summary>
    private async Task RecheckMilestonesAsync(long version)
    {
        try
        {
            var notices = _milestoneNotices;
            var hasMilestones = await GrainFactory.GetGrain<ITermineGrain>(OzgId).RecheckAfterSetbackAsync();
            if (hasMilestones || notices == _milestoneNotices)
            {
                _hasMilestones = hasMilestones;
            }
        }
        catch (Exception exception)
        {
            logger.LogWarning(exception, "Leistung {OzgId}: milestones not rechecked after version {Version}", OzgId, version);
        }
    }

    /// <summary>
    /// Tells the Themenfeld's index and the monitoring. The change is durable already: what they miss now,
    /// the next index load and the monitoring's recount catch up. The index first: the recount reads the indexes,
    /// and an index never behind what the monitoring counted is what lets it tell drift from a change under way.
    /// </summary>
    private async Task NotifyAsync(LeistungChanged change)
    {
        var summary = change.Leistung;
        try
        {
            await Themenfeld(summary.ThemenfeldId).OnLeistungChangedAsync(summary);
        }
        catch (Exception exception)
        {
            logger.LogWarning(exception, "Leistung {OzgId}: Themenfeld index did not take version {Version}", OzgId, summary.Version);
        }

        monitoring.Enqueue(change);
    }

    private IThemenfeldGrain Themenfeld(int themenfeldId)
    {
        if (_themenfeld is not { } known || known.Id != themenfeldId)
        {
            known = (themenfeldId, GrainFactory.GetGrain<IThemenfeldGrain>(themenfeldId));
            _themenfeld = known;
        }

        return known.Grain;
    }

    /// <summary>The earlier answer when this request id was already applied to the same write, rebuilt from its receipt.</summary>
    /// <exception cref="RequestIdReusedException">The request id was used for a different write.</exception>
    private async Task<LeistungWriteResult?> TryReplayAsync(WriteCommand command, RememberedWrite write)
    {
        var receipt = state.State.Receipts.Find(write.RequestKey);
        if (receipt is null)
        {
            return null;
        }

        if (receipt.Fingerprint != write.Fingerprint)
        {
            throw new RequestIdReusedException(command.RequestId);
        }

        var record = await ChangeAtAsync(receipt.Version);
        return new LeistungWriteResult(OzgId, receipt.Version, record.StatusAfter ?? LeistungStatus.Initial, receipt.Zustaendigkeit, record.Stamp);
    }

    private async Task<ChangeRecord> ChangeAtAsync(long version)
    {
        await foreach (var change in NewestFirst(version + 1))
        {
            if (change.Version == version)
            {
                return change;
            }

            break;
        }

        throw new InvalidOperationException($"Leistung {OzgId}: version {version} is missing from the history.");
    }

    private static LeistungReceipts Remember(LeistungState next, RememberedWrite write) =>
        next.Receipts.Remember(new LeistungWriteReceipt(write.RequestKey, write.Fingerprint, next.Version, next.Zustaendigkeit));

    /// <summary>The changes below <paramref name="belowVersion"/>, newest first, reading sealed pages only as far as asked.</summary>
    private async IAsyncEnumerable<ChangeRecord> NewestFirst(long belowVersion)
    {
        var current = state.State;
        for (var i = current.UnsealedChanges.Count - 1; i >= 0; i--)
        {
            if (current.UnsealedChanges[i].Version < belowVersion)
            {
                yield return current.UnsealedChanges[i];
            }
        }

        // Every version has one change, so the page of a version follows from its number.
        var newestPage = belowVersion == long.MaxValue
            ? current.SealedPages - 1
            : Math.Min(current.SealedPages - 1, LeistungHistoryPages.PageOf(belowVersion - 1));
        for (var page = newestPage; page >= 0; page--)
        {
            var changes = await History.ReadAsync(page);
            for (var i = changes.Count - 1; i >= 0; i--)
            {
                if (changes[i].Version < belowVersion)
                {
                    yield return changes[i];
                }
            }
        }
    }

    /// <summary>
    /// A Leistung stored by the first releases keeps its whole history in one blob; it is split into pages once, on
    /// activation, and the blob removed after the state says so.
    /// </summary>
    private async Task MoveWholeHistoryIntoPagesAsync()
    {
        var reached = state.State.Version;
        var whole = (await History.ReadWholeHistoryAsync() ?? []).RemoveAll(change => change.Version > reached);
        var sealedPages = whole.Count / LeistungHistoryPages.PageSize;
        for (var page = 0; page < sealedPages; page++)
        {
            await History.WriteAsync(page, whole.GetRange(page * LeistungHistoryPages.PageSize, LeistungHistoryPages.PageSize));
        }

        var unsealed = whole.GetRange(sealedPages * LeistungHistoryPages.PageSize, whole.Count - (sealedPages * LeistungHistoryPages.PageSize));
        await state.WriteOrRollBackAsync(
            state.State with { UnsealedChanges = unsealed, SealedPages = sealedPages, HistoryInPages = true }, this);
        await History.ClearWholeHistoryAsync();
        logger.LogInformation("Leistung {OzgId}: moved {Count} changes of its history into pages", OzgId, whole.Count);
    }

    /// <summary>An IT-Dienstleister reports only for Leistungen assigned to it, and Verfügbarkeit only where it serves.</summary>
    private void EnsureWithinScope(ItDienstleisterScope? scope, LeistungStatusUpdate update)
    {
        if (scope is null)
        {
            return;
        }

        var assigned = state.State.Zustaendigkeit?.ItDienstleister;
        if (!string.Equals(assigned, scope.ItDienstleisterId, StringComparison.Ordinal))
        {
            var holder = string.IsNullOrEmpty(assigned) ? "no IT-Dienstleister" : $"'{assigned}'";
            throw new AccessDeniedException(
                $"IT-Dienstleister '{scope.ItDienstleisterId}' is not assigned to OZG-Leistung {OzgId} ({holder} is); " +
                "the programme management assigns Leistungen with SetZustaendigkeit.");
        }

        if (update.Verfuegbarkeit is { } verfuegbarkeit && !scope.Laender.Contains(verfuegbarkeit.Land))
        {
            throw new AccessDeniedException(
                $"IT-Dienstleister '{scope.ItDienstleisterId}' does not serve {verfuegbarkeit.Land}; it serves {string.Join(", ", scope.Laender)}.");
        }
    }

    private LeistungCatalogEntry RequireCatalog() =>
        state.State.Catalog ?? throw new NotFoundException($"There is no OZG-Leistung with OZG-ID {OzgId} in the catalogue.");

    private LeistungSummary ToSummary(LeistungState current)
    {
        var catalog = current.Catalog!;
        return new(OzgId, catalog.Name, catalog.LageId, catalog.ThemenfeldId, current.Status, current.Version);
    }

    private LeistungWriteResult ToResult(LeistungState current) =>
        new(OzgId, current.Version, current.Status, current.Zustaendigkeit, current.LastChange!);

    private static ImmutableArray<FieldChange> CatalogChanges(LeistungCatalogEntry? before, LeistungCatalogEntry after)
    {
        var changes = ImmutableArray.CreateBuilder<FieldChange>();
        AddIfChanged("name", before?.Name, after.Name);
        AddIfChanged("lage", before?.LageId.ToString(), after.LageId.ToString());
        AddIfChanged("themenfeld", before?.ThemenfeldId.ToString(), after.ThemenfeldId.ToString());
        AddIfChanged(
            "leika_leistungen",
            before is null ? null : Describe(before.LeikaLeistungen),
            Describe(after.LeikaLeistungen));
        return changes.ToImmutable();

        void AddIfChanged(string field, string? was, string now)
        {
            if (was != now)
            {
                changes.Add(new(field, was ?? string.Empty, now));
            }
        }
    }

    private static string Describe(ImmutableArray<LeikaLeistungEntry> leika) =>
        $"{leika.Length} LeiKa-Leistungen ({string.Join(", ", leika.Select(l => l.Key.Length > 0 ? l.Key : "ohne Schlüssel"))})";

    private static string Describe(Zustaendigkeit? zustaendigkeit) =>
        zustaendigkeit is null
            ? string.Empty
            : $"{zustaendigkeit.UmsetzendeStelle}; EfA={zustaendigkeit.Efa}; IT-Dienstleister={zustaendigkeit.ItDienstleister}; " +
              $"Nachnutzer=[{string.Join(",", zustaendigkeit.NachnutzerLaender)}]";
}
