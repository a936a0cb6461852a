using System.Collections.Immutable;
using Orleans.Storage;
using OzgGrid.Grains.Abstractions.Changes;

namespace OzgGrid.Grains.Records;

/// <summary>
/// A record's history in sealed pages of <see cref="PageSize"/> changes each, in the history storage: page p holds
/// versions p·PageSize+1 … (p+1)·PageSize. The newest changes, not yet a full page, travel in the record's state; so a
/// change writes one small state and, once every <see cref="PageSize"/> changes, one page — never a history that grows
/// without bound.
/// </summary>
public sealed class HistoryPages<TChange>(IGrainStorage storage, GrainId record, string name)
    where TChange : IRecordedChange
{
    public const int PageSize = HistoryPaging.PageSize;

    /// <summary>How many sealed pages an activation keeps in memory: they never change, but a history can be long.</summary>
    private const int CachedPages = 8;

    private readonly Dictionary<long, ImmutableList<TChange>> _cache = [];

    /// <summary>
    /// Writes a full page. A page may exist already from a change whose state write then failed (its last version was
    /// never reached); it is overwritten — unless <paramref name="sealedElsewhere"/> finds the page sealed by a stored
    /// state, which only another activation of the record can have written (while the cluster disagreed where it
    /// lives): then its page stays and the write fails with <see cref="InconsistentStateException"/>.
    /// </summary>
    public async Task WriteAsync(long page, UnsealedChanges<TChange> changes, Func<Task<bool>> sealedElsewhere)
    {
        var pageName = PageName(page);
        var content = new GrainState<HistoryPage<TChange>>(new HistoryPage<TChange> { Encoded = changes });
        try
        {
            await storage.WriteStateAsync(pageName, record, content);
        }
        catch (InconsistentStateException)
        {
            if (await sealedElsewhere())
            {
                throw;
            }

            var existing = new GrainState<HistoryPage<TChange>>();
            await storage.ReadStateAsync(pageName, record, existing);
            content.ETag = existing.ETag;
            await storage.WriteStateAsync(pageName, record, content);
        }

        _cache.Remove(page);
    }

    public async ValueTask<ImmutableList<TChange>> ReadAsync(long page)
    {
        if (_cache.TryGetValue(page, out var cached))
        {
            return cached;
        }

        var content = new GrainState<HistoryPage<TChange>>();
        await storage.ReadStateAsync(PageName(page), record, content);
        if (_cache.Count >= CachedPages)
        {
            _cache.Clear();
        }

        return _cache[page] = content.State?.Changes ?? [];
    }

    public string PageName(long page) => $"{name}-{page}";
}
