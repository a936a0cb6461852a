using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OzgGrid.Grains.Abstractions;
using OzgGrid.Grains.Abstractions.Changes;
using OzgGrid.Grains.Abstractions.Errors;
using OzgGrid.Grains.Abstractions.Leistungen;
using OzgGrid.Grains.Abstractions.Monitoring;
using OzgGrid.Grains.Monitoring;
using OzgGrid.Grains.Records;

namespace OzgGrid.Grains.Leistungen;

/// <summary>
/// One OZG-Leistung: its commands go through its <see cref="VersionedRecord{TBody, TChange}"/>; after each commit
/// <see cref="LeistungEffects"/> passes the change on. Reads serve the persisted state and interleave with writes.
/// The Reifegrad derived from its Onlinedienste in <c>LeistungGrain.Reifegrad.cs</c>.
/// </summary>
public sealed partial class LeistungGrain(
    [PersistentState(LeistungGrain.StateName, StorageNames.State)] IPersistentState<RecordState<LeistungBody, ChangeRecord>> state,
    VersionedRecords records,
    ChangeBatcher monitoring,
    IOptions<Limits> limits,
    ILogger<LeistungGrain> logger) : Grain, ILeistungGrain
{
    public const string StateName = "leistung";

    public static readonly RecordNames Names = new(StateName, "leistung-history", "OZG-Leistung");

    private VersionedRecord<LeistungBody, ChangeRecord> _record = null!;
    private LeistungEffects _effects = null!;

    private int OzgId => (int)this.GetPrimaryKeyLong();

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _record = records.For(this, state, Names);
        _effects = new LeistungEffects(OzgId, GrainFactory, monitoring, logger);
        return Task.CompletedTask;
    }

    public Task<LeistungDetails> GetAsync()
    {
        var (body, catalog) = RequireCatalog();
        var committed = _record.Committed;
        return Task.FromResult(new LeistungDetails(catalog, body.Zustaendigkeit, body.Status, committed.Version, committed.LastChange!));
    }

    public Task<LeistungSummary?> GetSummaryAsync() =>
        Task.FromResult(_record.Body?.Catalog is null ? null : ToSummary(_record.Body, _record.Version));

    public async Task<ChangePage> GetChangesAsync(long? beforeVersion, int limit)
    {
        RequireCatalog();
        var (changes, next) = await _record.GetChangesAsync(beforeVersion, limit);
        return new ChangePage(changes, next);
    }

    public async Task<LeistungAsOf?> GetAsOfAsync(DateTimeOffset moment)
    {
        if (_record.Body?.Catalog is not { } catalog || await _record.LatestAtAsync(moment) is not { } record)
        {
            return null;
        }

        var status = record.StatusAfter ?? LeistungStatus.Initial;
        return new LeistungAsOf(new LeistungSummary(OzgId, catalog.Name, catalog.LageId, catalog.ThemenfeldId, status, record.Version), record.Stamp);
    }

    public async Task<LeistungWriteResult> UpdateStatusAsync(WriteCommand command, LeistungStatusUpdate update)
    {
        var before = _record.Body;
        var written = await _record.WriteAsync(
            command,
            LeistungFingerprints.Status(command.ExpectedVersion, update),
            body => EnsureWithinScope(Require(body), command.Scope, update),
            body =>
            {
                EnsureNotDerived(body!, update, OzgId);
                var (next, fields) = LeistungStatusRules.Apply(body!.Status, update);
                return fields.IsEmpty
                    ? default
                    : new(body with { Status = next }, (version, stamp) => new(version, ChangeKind.Status, stamp, fields, next, body.Zustaendigkeit));
            });
        return Answer(written, before);
    }

    public async Task<LeistungWriteResult> SetZustaendigkeitAsync(WriteCommand command, Zustaendigkeit zustaendigkeit)
    {
        var before = _record.Body;
        var written = await _record.WriteAsync(
            command,
            LeistungFingerprints.Zustaendigkeit(command.ExpectedVersion, zustaendigkeit),
            body => Require(body),
            body =>
            {
                ZustaendigkeitRules.Validate(zustaendigkeit);
                var held = body!.Zustaendigkeit;
                if (zustaendigkeit.SameAs(held))
                {
                    return default;
                }

                FieldChange[] fields = [new("zustaendigkeit", LeistungChangeTexts.Describe(held), LeistungChangeTexts.Describe(zustaendigkeit))];
                return new(
                    body with { Zustaendigkeit = zustaendigkeit }, (version, stamp) => new(version, ChangeKind.Zustaendigkeit, stamp, [.. fields], body.Status, zustaendigkeit));
            });
        return Answer(written, before);
    }

    public Task OnMilestonesKnownAsync(bool hasMilestones)
    {
        _effects.HasMilestones = hasMilestones;
        return Task.CompletedTask;
    }

    public async Task<CatalogImportOutcome> ImportAsync(LeistungCatalogEntry entry, ChangeStamp stamp)
    {
        var before = _record.Body;
        if (before?.Catalog is { } known && known.SameAs(entry))
        {
            return CatalogImportOutcome.Unchanged;
        }

        var fields = LeistungChangeTexts.Catalog(before?.Catalog, entry);
        var written = await _record.WriteAsync(
            WriteCommand.ByOzgGrid(stamp.RequestId, stamp.ChangedBy),
            fingerprint: null,
            _ => { },
            body =>
            {
                var next = (body ?? LeistungBody.Empty) with { Catalog = entry };
                return new(next, (version, changeStamp) => new(version, ChangeKind.Katalog, changeStamp, fields, next.Status, next.Zustaendigkeit));
            });
        Emit(written, before);
        return before?.Catalog is null ? CatalogImportOutcome.Created : CatalogImportOutcome.Changed;
    }

    private LeistungWriteResult Answer(Written<LeistungBody, ChangeRecord> written, LeistungBody? before)
    {
        if (written.PassOn)
        {
            // On a replay the state before the first attempt is not known: as if new, so the milestones look again.
            Emit(written, written.Outcome == WriteOutcome.Changed ? before : null);
        }

        // A retry gets the status and Zuständigkeit its first attempt left (from the history entry of its version).
        return written.Outcome == WriteOutcome.Replayed && written.Change is { } first
            ? new LeistungWriteResult(OzgId, written.Version, first.StatusAfter ?? written.Body.Status, first.ZustaendigkeitAfter, written.Stamp)
            : new LeistungWriteResult(OzgId, written.Version, written.Body.Status, written.Body.Zustaendigkeit, written.Stamp);
    }

    private void Emit(Written<LeistungBody, ChangeRecord> written, LeistungBody? before)
    {
        var change = written.Change!;
        var after = ToSummary(written.Body, written.Version);
        var previous = after with
        {
            Status = before?.Status ?? LeistungStatus.Initial,
            ThemenfeldId = before?.Catalog?.ThemenfeldId ?? after.ThemenfeldId,
        };
        _effects.Emit(previous, new LeistungChanged(after, change.Kind, change.Stamp, change.Fields));
    }

    /// <summary>An IT-Dienstleister writes only Leistungen assigned to it, and Verfügbarkeit only where it serves.</summary>
    private void EnsureWithinScope(LeistungBody body, ItDienstleisterScope? scope, LeistungStatusUpdate update)
    {
        if (scope is null)
        {
            return;
        }

        var assigned = body.Zustaendigkeit?.ItDienstleister;
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

    private LeistungBody Require(LeistungBody? body) =>
        body?.Catalog is null ? throw new NotFoundException($"There is no OZG-Leistung with OZG-ID {OzgId} in the catalogue.") : body;

    private (LeistungBody Body, LeistungCatalogEntry Catalog) RequireCatalog()
    {
        var body = Require(_record.Body);
        return (body, body.Catalog!);
    }

    private LeistungSummary ToSummary(LeistungBody body, long version)
    {
        var catalog = body.Catalog!;
        return new(OzgId, catalog.Name, catalog.LageId, catalog.ThemenfeldId, body.Status, version);
    }
}
