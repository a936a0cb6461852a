using System.Collections.Immutable;
using Microsoft.Extensions.Logging;
using OzgGrid.Grains.Abstractions;
using OzgGrid.Grains.Abstractions.Changes;
using OzgGrid.Grains.Abstractions.Errors;
using OzgGrid.Grains.Abstractions.Leistungen;
using OzgGrid.Grains.Abstractions.Themenfelder;
using OzgGrid.Grains.Changes;

namespace OzgGrid.Grains.Themenfelder;

public sealed class ThemenfeldGrain(
    [PersistentState("themenfeld", StorageNames.State)] IPersistentState<ThemenfeldState> state,
    TimeProvider clock,
    ILogger<ThemenfeldGrain> logger) : Grain, IThemenfeldGrain
{
    /// <summary>The index lists are served from: rebuilt from the Leistungen on activation, kept current by them.</summary>
    private readonly Dictionary<int, LeistungSummary> _index = [];

    private int ThemenfeldId => (int)this.GetPrimaryKeyLong();

    public override Task OnActivateAsync(CancellationToken cancellationToken) => LoadIndexAsync();

    public Task<ThemenfeldDetails> GetAsync()
    {
        RequireCatalog();
        return Task.FromResult(ToDetails(state.State));
    }

    public async Task<ThemenfeldDetails> SetFederfuehrungAsync(WriteCommand command, Federfuehrung federfuehrung)
    {
        RequireCatalog();
        var fingerprint = $"federfuehrung|{command.ExpectedVersion}|{federfuehrung}";
        if (WriteGuard.TryReplay(state.State.RecentWrites, command, fingerprint, out var earlier))
        {
            return earlier;
        }

        WriteGuard.EnsureExpectedVersion(command, state.State.Version);
        FederfuehrungRules.Validate(federfuehrung);
        var before = state.State.Federfuehrung;
        if (federfuehrung.SameAs(before))
        {
            // No new version, but a retry arriving after a later change must get this answer, not be applied again.
            var unchanged = ToDetails(state.State);
            await PersistAsync(state.State with
            {
                RecentWrites = WriteGuard.Remember(state.State.RecentWrites, new(command.RequestId, fingerprint, unchanged)),
            });
            return unchanged;
        }

        FieldChange[] fields = [new("federfuehrung", before?.ToString() ?? string.Empty, federfuehrung.ToString())];
        var next = await CommitAsync(
            ChangeKind.Federfuehrung, command, [.. fields], current => current with { Federfuehrung = federfuehrung }, fingerprint);
        return ToDetails(next);
    }

    public async Task ImportAsync(ThemenfeldCatalogEntry entry, Federfuehrung? knownFederfuehrung, ChangeStamp stamp)
    {
        var before = state.State;
        var federfuehrung = before.Federfuehrung ?? knownFederfuehrung;
        var fields = ImmutableArray.CreateBuilder<FieldChange>();
        AddIfChanged("name", before.Catalog?.Name, entry.Name);
        AddIfChanged("lagen", Describe(before.Catalog?.Lagen), Describe(entry.Lagen));
        AddIfChanged("leistungen", before.Catalog?.LeistungIds.Length.ToString(), entry.LeistungIds.Length.ToString());
        AddIfChanged("federfuehrung", before.Federfuehrung?.ToString(), federfuehrung?.ToString());

        var members = entry.LeistungIds.ToHashSet();
        foreach (var moved in _index.Keys.Where(ozgId => !members.Contains(ozgId)).ToList())
        {
            _index.Remove(moved);
        }

        var sameLeistungen = before.Catalog is not null && before.Catalog.LeistungIds.SequenceEqual(entry.LeistungIds);
        if (fields.Count == 0 && sameLeistungen)
        {
            return;
        }

        var command = new WriteCommand(stamp.RequestId, ExpectedVersion: null, stamp.ChangedBy);
        await CommitAsync(
            ChangeKind.Katalog,
            command,
            fields.ToImmutable(),
            current => current with { Catalog = entry, Federfuehrung = federfuehrung },
            fingerprint: null);

        void AddIfChanged(string field, string? was, string? now)
        {
            if (was != now)
            {
                fields.Add(new(field, was ?? string.Empty, now ?? string.Empty));
            }
        }
    }

    public Task<LeistungPage> QueryLeistungenAsync(LeistungFilter filter, int afterOzgId, int limit)
    {
        var matching = _index.Values.Where(filter.Matches).ToList();
        var page = matching.Where(l => l.OzgId > afterOzgId).OrderBy(l => l.OzgId).Take(limit).ToImmutableArray();
        return Task.FromResult(new LeistungPage(page, matching.Count));
    }

    public async Task<ImmutableArray<LeistungSummary>> RefreshIndexAsync()
    {
        await LoadIndexAsync();
        return [.. _index.Values.OrderBy(l => l.OzgId)];
    }

    public async Task<ImmutableArray<LeistungSummary>> GetLeistungenAsOfAsync(DateTimeOffset moment)
    {
        var members = state.State.Catalog?.LeistungIds ?? [];
        var asOf = await Task.WhenAll(members.Select(ozgId => GrainFactory.GetGrain<ILeistungGrain>(ozgId).GetAsOfAsync(moment)));
        return [.. asOf.OfType<LeistungAsOf>().Select(l => l.Leistung)];
    }

    public Task OnLeistungChangedAsync(LeistungSummary summary)
    {
        if (summary.ThemenfeldId != ThemenfeldId)
        {
            // The Leistung moved to another Themenfeld in a catalogue import.
            _index.Remove(summary.OzgId);
        }
        else if (!_index.TryGetValue(summary.OzgId, out var known) || known.Version < summary.Version)
        {
            _index[summary.OzgId] = summary;
        }

        return Task.CompletedTask;
    }

    /// <summary>Reads the summaries of all member Leistungen; a newer version already indexed is kept.</summary>
    private async Task LoadIndexAsync()
    {
        var members = state.State.Catalog?.LeistungIds ?? [];
        var summaries = await Task.WhenAll(members.Select(ozgId => GrainFactory.GetGrain<ILeistungGrain>(ozgId).GetSummaryAsync()));
        foreach (var summary in summaries.OfType<LeistungSummary>())
        {
            await OnLeistungChangedAsync(summary);
        }

        logger.LogDebug("Themenfeld {ThemenfeldId}: indexed {Count} Leistungen", ThemenfeldId, _index.Count);
    }

    private async Task<ThemenfeldState> CommitAsync(
        ChangeKind kind,
        WriteCommand command,
        ImmutableArray<FieldChange> fields,
        Func<ThemenfeldState, ThemenfeldState> change,
        string? fingerprint)
    {
        var before = state.State;
        var stamp = new ChangeStamp(command.ChangedBy, clock.GetUtcNow(), command.RequestId);
        var next = change(before) with { Version = before.Version + 1, LastChange = stamp };
        next = next with { History = next.History.Add(new ChangeRecord(next.Version, kind, stamp, fields)) };
        if (fingerprint is not null)
        {
            next = next with { RecentWrites = WriteGuard.Remember(next.RecentWrites, new(command.RequestId, fingerprint, ToDetails(next))) };
        }

        await PersistAsync(next);
        return next;
    }

    private async Task PersistAsync(ThemenfeldState next)
    {
        try
        {
            await state.WriteOrRollBackAsync(next, this);
        }
        catch (Exception exception)
        {
            logger.LogWarning(exception, "Themenfeld {ThemenfeldId}: could not persist version {Version}", ThemenfeldId, next.Version);
            throw;
        }
    }

    private ThemenfeldCatalogEntry RequireCatalog() =>
        state.State.Catalog ?? throw new NotFoundException($"There is no Themenfeld {ThemenfeldId}; Themenfelder are numbered 1–14.");

    private ThemenfeldDetails ToDetails(ThemenfeldState current)
    {
        var catalog = current.Catalog!;
        var perLage = _index.Values.CountBy(l => l.LageId).ToDictionary();
        var lagen = catalog.Lagen
            .Select(lage => new LageSummary(lage.LageId, lage.Name, perLage.GetValueOrDefault(lage.LageId)))
            .ToImmutableArray();
        return new(ThemenfeldId, catalog.Name, current.Federfuehrung, lagen, catalog.LeistungIds.Length, current.Version, current.LastChange!);
    }

    private static string? Describe(ImmutableArray<LageEntry>? lagen) =>
        lagen is { } list ? string.Join("; ", list.Select(l => $"{l.LageId} {l.Name}")) : null;
}
