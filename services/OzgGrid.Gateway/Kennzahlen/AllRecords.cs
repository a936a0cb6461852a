using System.Globalization;
using OzgGrid.Gateway.Grpc;
using OzgGrid.Gateway.Validation;
using OzgGrid.Grains.Abstractions.Onlinedienste;
using OzgGrid.Grains.Abstractions.ProgrammeManagement;
using OzgGrid.Grains.Abstractions.Steckbrief;
using OzgGrid.Grains.Abstractions.Umsetzungsprojekte;

namespace OzgGrid.Gateway.Kennzahlen;

/// <summary>
/// Every Onlinedienst, Umsetzungsprojekt or Steckbrief, from its id set(s), read a page's worth at a time: a programme-wide read
/// never asks thousands of grains at once.
/// </summary>
public static class AllRecords
{
    public static Task<List<Onlinedienst>> OnlinediensteAsync(IGrainFactory grains) =>
        ReadAsync(grains, IdSets.Onlinedienste, id => grains.GetGrain<IOnlinedienstGrain>(id).GetAsync());

    public static Task<List<Umsetzungsprojekt>> UmsetzungsprojekteAsync(IGrainFactory grains) =>
        ReadAsync(grains, UmsetzungsprojektIdSets.Alle, id => grains.GetGrain<IUmsetzungsprojektGrain>(id).GetAsync());

    /// <summary>Every Steckbrief with a FIM building block or a Zuständigkeitsebene, from their indexes (the records are the truth).</summary>
    public static async Task<List<LeistungSteckbrief>> SteckbriefeAsync(IGrainFactory grains)
    {
        var indexes = await Task.WhenAll(Enum.GetValues<FimStatus>().Select(IdSets.WithFimStatus).Append(IdSets.WithZustaendigkeitsebene)
            .Select(index => grains.GetGrain<IIdSetGrain>(index).GetAsync()));
        var ozgIds = indexes.SelectMany(ids => ids).Distinct().Select(id => int.Parse(id, CultureInfo.InvariantCulture));
        var steckbriefe = await IndexedRecords.InBatchesAsync(ozgIds, ozgId => grains.GetGrain<ILeistungSteckbriefGrain>(ozgId).GetAsync(), RequestGuard.MaxPageSize);
        return [.. steckbriefe.Select(r => r.Body)];
    }

    /// <summary>An id the set names but no record holds (its first write failed half-way) is left out.</summary>
    private static async Task<List<T>> ReadAsync<T>(IGrainFactory grains, string idSet, Func<string, Task<Recorded<T>>> read) =>
        [.. (await IndexedRecords.ReadAllAsync(await grains.GetGrain<IIdSetGrain>(idSet).GetAsync(), read, RequestGuard.MaxPageSize)).Select(r => r.Body)];
}
