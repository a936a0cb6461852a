using System.Collections.Immutable;
using OzgGrid.Grains.Abstractions.Changes;

namespace OzgGrid.Grains.Records;

/// <summary>The reads of a record's history, from the persisted state and the sealed pages, never a write under way.</summary>
public sealed partial class VersionedRecord<TBody, TChange>
{
    /// <summary>Changes newest first below <paramref name="beforeVersion"/> (null: from the newest), and where the next page starts.</summary>
    public async Task<(ImmutableArray<TChange> Changes, long? NextBeforeVersion)> GetChangesAsync(long? beforeVersion, int limit)
    {
        limit = Math.Max(1, limit);
        var page = ImmutableArray.CreateBuilder<TChange>(limit + 1);
        await foreach (var change in NewestFirst(beforeVersion ?? long.MaxValue))
        {
            page.Add(change);
            if (page.Count > limit)
            {
                break;
            }
        }

        return page.Count > limit ? (page.ToImmutable().RemoveAt(limit), page[limit - 1].Version) : (page.ToImmutable(), null);
    }

    /// <summary>The newest change made at or before <paramref name="moment"/>; null if the record had none then.</summary>
    public async Task<TChange?> LatestAtAsync(DateTimeOffset moment)
    {
        await foreach (var change in NewestFirst(long.MaxValue))
        {
            if (change.Stamp.ChangedAt <= moment)
            {
                return change;
            }
        }

        return default;
    }

    /// <summary>The changes below <paramref name="belowVersion"/>, newest first, from the persisted state; pages read only as far as asked.</summary>
    public async IAsyncEnumerable<TChange> NewestFirst(long belowVersion)
    {
        var current = _committed;
        for (var i = current.Unsealed.Count - 1; i >= 0; i--)
        {
            if (current.Unsealed[i].Version < belowVersion)
            {
                yield return current.Unsealed[i];
            }
        }

        // Every version has one change, so the page of a version follows from its number.
        var newestPage = belowVersion > current.Version
            ? current.SealedPages - 1
            : Math.Min(current.SealedPages - 1, HistoryPaging.PageOf(belowVersion - 1));
        for (var page = newestPage; page >= 0; page--)
        {
            var changes = await _history.ReadAsync(page);
            for (var i = changes.Count - 1; i >= 0; i--)
            {
                if (changes[i].Version < belowVersion)
                {
                    yield return changes[i];
                }
            }
        }
    }

    private async Task<Written<TBody, TChange>> ReplayAsync(long version)
    {
        var current = _committed;
        TChange? change = default;
        await foreach (var candidate in NewestFirst(version + 1))
        {
            change = candidate.Version == version ? candidate : default;
            break;
        }

        var stamp = change?.Stamp ?? current.LastChange
            ?? throw new InvalidOperationException($"{_names.Kind}: version {version} is missing from the history.");
        return new(current.Body!, version, stamp, change, WriteOutcome.Replayed) { ReplaysNewest = version == current.Version };
    }
}
