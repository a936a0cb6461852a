using System.Collections.Immutable;
using Microsoft.Extensions.Logging;
using OzgGrid.Grains.Abstractions;
using OzgGrid.Grains.Abstractions.Changes;
using OzgGrid.Grains.Abstractions.Errors;
using OzgGrid.Grains.Abstractions.Leistungen;
using OzgGrid.Grains.Abstractions.Themenfelder;
using OzgGrid.Grains.Records;

namespace OzgGrid.Grains.Themenfelder;

public sealed class ThemenfeldGrain(
    [PersistentState(ThemenfeldGrain.StateName, StorageNames.State)] IPersistentState<RecordState<ThemenfeldBody, ThemenfeldChange>> state,
    VersionedRecords records,
    ILogger<ThemenfeldGrain> logger) : Grain, IThemenfeldGrain
{
    public const string StateName = "themenfeld";

    public static readonly RecordNames Names = new(StateName, "themenfeld-history", "Themenfeld");

    private VersionedRecord<ThemenfeldBody, ThemenfeldChange> _record = null!;
    private ThemenfeldIndex _index = null!;

    private int ThemenfeldId => (int)this.GetPrimaryKeyLong();

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _record = records.For(this, state, Names);
        _index = new ThemenfeldIndex(ThemenfeldId);
        if (_record.Body?.Catalog is { } catalog)
        {
            _index.KeepOnly(catalog.LeistungIds);
        }

        return LoadIndexAsync();
    }

    public Task<ThemenfeldDetails> GetAsync()
    {
        RequireCatalog(_record.Body);
        return Task.FromResult(ToDetails(_record.Body!, _record.Version, _record.Committed.LastChange!));
    }

    public async Task<ThemenfeldDetails> SetFederfuehrungAsync(WriteCommand command, Federfuehrung federfuehrung)
    {
        var written = await _record.WriteAsync(
            command,
            ThemenfeldFingerprints.Federfuehrung(command.ExpectedVersion, federfuehrung),
            body => RequireCatalog(body),
            body =>
            {
                FederfuehrungRules.Validate(federfuehrung);
                var before = body!.Federfuehrung;
                if (federfuehrung.SameAs(before))
                {
                    return default;
                }

                FieldChange[] fields = [new("federfuehrung", before?.ToString() ?? string.Empty, federfuehrung.ToString())];
                return new(
                    body with { Federfuehrung = federfuehrung }, (version, stamp) => new(version, ChangeKind.Federfuehrung, stamp, [.. fields], federfuehrung));
            });

        // A retry gets the Federführung its first attempt left, from the history entry of its version.
        var body = written.Outcome == WriteOutcome.Replayed && written.Change is { } first ? written.Body with { Federfuehrung = first.FederfuehrungAfter } : written.Body;
        return ToDetails(body, written.Version, written.Stamp);
    }

    public async Task ImportAsync(ThemenfeldCatalogEntry entry, Federfuehrung? knownFederfuehrung, ChangeStamp stamp)
    {
        var before = _record.Body;
        var federfuehrung = before?.Federfuehrung ?? knownFederfuehrung;
        var fields = ImmutableArray.CreateBuilder<FieldChange>();
        AddIfChanged("name", before?.Catalog?.Name, entry.Name);
        AddIfChanged("lagen", Describe(before?.Catalog?.Lagen), Describe(entry.Lagen));
        AddIfChanged("leistungen", before?.Catalog?.LeistungIds.Length.ToString(), entry.LeistungIds.Length.ToString());
        AddIfChanged("federfuehrung", before?.Federfuehrung?.ToString(), federfuehrung?.ToString());
        _index.KeepOnly(entry.LeistungIds);

        var sameLeistungen = before?.Catalog is { } catalog && catalog.LeistungIds.SequenceEqual(entry.LeistungIds);
        if (fields.Count == 0 && sameLeistungen)
        {
            return;
        }

        await _record.WriteAsync(
            WriteCommand.ByOzgGrid(stamp.RequestId, stamp.ChangedBy),
            fingerprint: null,
            _ => { },
            _ => new(
                new ThemenfeldBody(entry, federfuehrung), (version, changeStamp) => new(version, ChangeKind.Katalog, changeStamp, fields.ToImmutable(), federfuehrung)));

        void AddIfChanged(string field, string? was, string? now)
        {
            if (was != now)
            {
                fields.Add(new(field, was ?? string.Empty, now ?? string.Empty));
            }
        }
    }

    public Task<LeistungPage> QueryLeistungenAsync(LeistungFilter filter, int afterOzgId, int limit) =>
        Task.FromResult(_index.Query(filter, afterOzgId, limit));

    public async Task<ImmutableArray<LeistungSummary>> RefreshIndexAsync()
    {
        await LoadIndexAsync();
        return [.. _index.All.OrderBy(l => l.OzgId)];
    }

    public async Task<ImmutableArray<LeistungSummary>> GetLeistungenAsOfAsync(DateTimeOffset moment)
    {
        var members = _record.Body?.Catalog?.LeistungIds ?? [];
        var asOf = await Task.WhenAll(members.Select(ozgId => GrainFactory.GetGrain<ILeistungGrain>(ozgId).GetAsOfAsync(moment)));
        return [.. asOf.OfType<LeistungAsOf>().Select(l => l.Leistung)];
    }

    public Task OnLeistungChangedAsync(LeistungSummary summary)
    {
        _index.Take(summary);
        return Task.CompletedTask;
    }

    public Task OnLeistungenChangedAsync(ImmutableArray<LeistungSummary> summaries)
    {
        foreach (var summary in summaries)
        {
            _index.Take(summary);
        }

        return Task.CompletedTask;
    }

    /// <summary>Reads the summaries of all member Leistungen; a newer version already indexed is kept.</summary>
    private async Task LoadIndexAsync()
    {
        var members = _record.Body?.Catalog?.LeistungIds ?? [];
        var summaries = await Task.WhenAll(members.Select(ozgId => GrainFactory.GetGrain<ILeistungGrain>(ozgId).GetSummaryAsync()));
        foreach (var summary in summaries.OfType<LeistungSummary>())
        {
            _index.Take(summary);
        }

        logger.LogDebug("Themenfeld {ThemenfeldId}: indexed {Count} Leistungen", ThemenfeldId, _index.All.Count);
    }

    private ThemenfeldBody RequireCatalog(ThemenfeldBody? body) =>
        body?.Catalog is null ? throw new NotFoundException($"There is no Themenfeld {ThemenfeldId}; Themenfelder are numbered 1–14.") : body;

    private ThemenfeldDetails ToDetails(ThemenfeldBody body, long version, ChangeStamp lastChange)
    {
        var catalog = body.Catalog!;
        var perLage = _index.All.CountBy(l => l.LageId).ToDictionary();
        var lagen = catalog.Lagen
            .Select(lage => new LageSummary(lage.LageId, lage.Name, perLage.GetValueOrDefault(lage.LageId)))
            .ToImmutableArray();
        return new(ThemenfeldId, catalog.Name, body.Federfuehrung, lagen, catalog.LeistungIds.Length, version, lastChange);
    }

    private static string? Describe(ImmutableArray<LageEntry>? lagen) =>
        lagen is { } list ? string.Join("; ", list.Select(l => $"{l.LageId} {l.Name}")) : null;
}
