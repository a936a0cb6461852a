using System.Collections.Immutable;
using Microsoft.Extensions.Logging;
using OzgGrid.Grains.Abstractions.Catalog;
using OzgGrid.Grains.Abstractions.Changes;
using OzgGrid.Grains.Abstractions.Leistungen;
using OzgGrid.Grains.Abstractions.Monitoring;
using OzgGrid.Grains.Abstractions.Themenfelder;

namespace OzgGrid.Grains.Monitoring;

/// <summary>
/// Recounts from the Leistungen themselves: finds those the <see cref="LeistungTally"/> counted differently (a change
/// lost on its way) and the figures that drifted from a count from scratch. Read in one step, outside the aggregator's
/// gate, and compared in a second, under it.
/// </summary>
public sealed class LeistungRecount(IGrainFactory grains, LeistungTally tally, MonitoringOptions options, TimeProvider clock, ILogger logger)
{
    /// <summary>Recorded as "changed by" on a change the recount caught up with.</summary>
    public const string ReconciledBy = "ozggrid-abgleich";

    /// <summary>Reads every Leistung of the catalogue.</summary>
    /// <returns>The Leistungen, and the versions counted before the read.</returns>
    public async Task<(ImmutableArray<LeistungSummary> Current, Dictionary<int, long> CountedBeforeRead)> ReadAsync()
    {
        // What was counted before the read: only a version counted then can show that the figures are ahead of a
        // Leistung; one counted while the read ran or during the grace below is simply newer than the read.
        var countedBeforeRead = tally.Versions();
        var themenfeldIds = await grains.GetGrain<ICatalogGrain>(ICatalogGrain.Key).GetThemenfeldIdsAsync();
        var perThemenfeld = await Task.WhenAll(themenfeldIds.Select(id => grains.GetGrain<IThemenfeldGrain>(id).RefreshIndexAsync()));
        ImmutableArray<LeistungSummary> current = [.. perThemenfeld.SelectMany(leistungen => leistungen)];

        // A Leistung newer than counted may only have its change still on the way through a silo's batcher: give the
        // batchers time to deliver before treating it as missed (the changes keep coming in meanwhile).
        if (current.Any(IsBehind))
        {
            await Task.Delay(options.ReconciliationGrace, clock);
        }

        return (current, countedBeforeRead);
    }

    /// <summary>The Leistungen counted differently from what was read, as changes to count (call under the aggregator's gate).</summary>
    public ImmutableArray<LeistungChanged> Missed((ImmutableArray<LeistungSummary> Current, Dictionary<int, long> CountedBeforeRead) reading)
    {
        var (current, countedBeforeRead) = reading;
        var stamp = new ChangeStamp(ReconciledBy, clock.GetUtcNow(), string.Empty);
        var missed = current
            .Where(leistung => IsBehind(leistung) || IsAhead(leistung) || CountedOtherwise(leistung))
            .Select(leistung => new LeistungChanged(leistung, ChangeKind.Abgleich, stamp, []))
            .ToImmutableArray();
        if (missed.Length > 0)
        {
            logger.LogWarning("Recount caught up with {Count} Leistungen the monitoring had counted differently", missed.Length);
        }

        return missed;

        // Counted ahead of the Leistung itself before it was read, and nothing newer counted since: no change on the
        // way can explain it, so it is corrected at once.
        bool IsAhead(LeistungSummary leistung) =>
            countedBeforeRead.TryGetValue(leistung.OzgId, out var before) && before > leistung.Version
            && tally.Find(leistung.OzgId)?.Version == before;
    }

    /// <summary>Corrects figures that drifted from a count from scratch (call under the aggregator's gate).</summary>
    /// <returns>The keys that had drifted: watchers then need a fresh snapshot.</returns>
    public IReadOnlyList<string> CorrectDrift()
    {
        var drifted = tally.CorrectDrift();
        if (drifted.Count > 0)
        {
            logger.LogWarning("Programme figures had drifted from a recount in {Count} figures ({Figures}); corrected",
                drifted.Count, string.Join(", ", drifted.Take(10)));
        }

        return drifted;
    }

    /// <summary>Counted at the version read, but towards other figures: the counted state is wrong, not late.</summary>
    private bool CountedOtherwise(LeistungSummary leistung) =>
        tally.Find(leistung.OzgId) is { } counted && counted.Version == leistung.Version && !LeistungTally.CountsAlike(counted, leistung);

    private bool IsBehind(LeistungSummary leistung) => tally.Find(leistung.OzgId) is not { } counted || counted.Version < leistung.Version;
}
