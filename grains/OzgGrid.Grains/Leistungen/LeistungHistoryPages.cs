using System.Collections.Immutable;
using Orleans.Storage;
using OzgGrid.Grains.Abstractions.Changes;

namespace OzgGrid.Grains.Leistungen;

/// <summary>
/// A Leistung's history in sealed pages of <see cref="PageSize"/> changes each, in the history storage: page p holds
/// versions p·PageSize+1 … (p+1)·PageSize. The newest changes, not yet a full page, travel in the Leistung's state;
/// so a change writes one small state and, once every <see cref="PageSize"/> changes, one page — never the whole
/// history, which grows without bound.
/// </summary>
internal sealed class LeistungHistoryPages(IGrainStorage storage, GrainId leistung)
{
    public const int PageSize = 16;

    /// <summary>How many sealed pages an activation keeps in memory: they never change, but a history can be long.</summary>
    private const int CachedPages = 8;

    /// <summary>The one history blob the first releases kept per Leistung, read once to move it into pages.</summary>
    private const string WholeHistoryName = "leistung-history";

    private readonly Dictionary<long, ImmutableList<ChangeRecord>> _cache = [];

    public static long PageOf(long version) => (version - 1) / PageSize;

    /// <summary>
    /// Writes a full page. A page may exist already from a change whose state write then failed (its last version was
    /// never reached); it is overwritten — unless <paramref name="sealedElsewhere"/> finds the page sealed by a stored
    /// state, which only another activation of the Leistung can have written (while the cluster disagreed where it
    /// lives): then its page stays and the write fails with <see cref="InconsistentStateException"/>.
    /// </summary>
    public async Task WriteAsync(long page, ImmutableList<ChangeRecord> changes, Func<Task<bool>>? sealedElsewhere = null)
    {
        var name = PageName(page);
        var content = new GrainState<LeistungHistory>(new LeistungHistory { Changes = changes });
        try
        {
            await storage.WriteStateAsync(name, leistung, content);
        }
        catch (InconsistentStateException)
        {
            if (sealedElsewhere is not null && await sealedElsewhere())
            {
                throw;
            }

            var existing = new GrainState<LeistungHistory>();
            await storage.ReadStateAsync(name, leistung, existing);
            content.ETag = existing.ETag;
            await storage.WriteStateAsync(name, leistung, content);
        }

        _cache.Remove(page);
    }

    public async ValueTask<ImmutableList<ChangeRecord>> ReadAsync(long page)
    {
        if (_cache.TryGetValue(page, out var cached))
        {
            return cached;
        }

        var content = new GrainState<LeistungHistory>();
        await storage.ReadStateAsync(PageName(page), leistung, content);
        if (_cache.Count >= CachedPages)
        {
            _cache.Clear();
        }

        return _cache[page] = content.State?.Changes ?? [];
    }

    /// <summary>The history as the first releases kept it (one growing blob), or null when there is none.</summary>
    public async Task<ImmutableList<ChangeRecord>?> ReadWholeHistoryAsync()
    {
        var content = new GrainState<LeistungHistory>();
        await storage.ReadStateAsync(WholeHistoryName, leistung, content);
        return content.RecordExists ? content.State?.Changes ?? [] : null;
    }

    public async Task ClearWholeHistoryAsync()
    {
        var content = new GrainState<LeistungHistory>();
        await storage.ReadStateAsync(WholeHistoryName, leistung, content);
        if (content.RecordExists)
        {
            await storage.ClearStateAsync(WholeHistoryName, leistung, content);
        }
    }

    public static string PageName(long page) => $"leistung-history-{page}";
}
