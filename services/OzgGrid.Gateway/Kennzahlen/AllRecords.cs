using OzgGrid.Gateway.Validation;
using OzgGrid.Grains.Abstractions.Onlinedienste;
using OzgGrid.Grains.Abstractions.ProgrammeManagement;
using OzgGrid.Grains.Abstractions.Umsetzungsprojekte;

namespace OzgGrid.Gateway.Kennzahlen;

/// <summary>
/// Every Onlinedienst or Umsetzungsprojekt, from its id set, read a page's worth at a time: a programme-wide read
/// never asks thousands of grains at once.
/// </summary>
public static class AllRecords
{
    public static Task<List<Onlinedienst>> OnlinediensteAsync(IGrainFactory grains) =>
        ReadAsync(grains, IdSets.Onlinedienste, id => grains.GetGrain<IOnlinedienstGrain>(id).GetAsync());

    public static Task<List<Umsetzungsprojekt>> UmsetzungsprojekteAsync(IGrainFactory grains) =>
        ReadAsync(grains, UmsetzungsprojektIdSets.Alle, id => grains.GetGrain<IUmsetzungsprojektGrain>(id).GetAsync());

    private static async Task<List<T>> ReadAsync<T>(IGrainFactory grains, string idSet, Func<string, Task<Recorded<T>>> read)
    {
        var ids = await grains.GetGrain<IIdSetGrain>(idSet).GetAsync();
        var records = new List<T>(ids.Count);
        foreach (var batch in ids.Chunk(RequestGuard.MaxPageSize))
        {
            records.AddRange((await Task.WhenAll(batch.Select(read))).Select(r => r.Body));
        }

        return records;
    }
}
