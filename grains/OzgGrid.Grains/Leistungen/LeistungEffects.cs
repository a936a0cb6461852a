using Microsoft.Extensions.Logging;
using OzgGrid.Grains.Abstractions.Changes;
using OzgGrid.Grains.Abstractions.Leistungen;
using OzgGrid.Grains.Abstractions.Monitoring;
using OzgGrid.Grains.Abstractions.Termine;
using OzgGrid.Grains.Abstractions.Themenfelder;
using OzgGrid.Grains.Monitoring;

namespace OzgGrid.Grains.Leistungen;

/// <summary>
/// Where a Leistung's committed change goes, once and one way: the Themenfeld's index, the monitoring (through the
/// silo's batcher) and, when its phase or a Verfügbarkeit moved, its milestone record. Nothing here is awaited by a
/// grain that could be waiting on the Leistung, and nothing can fail the write: it is durable already, and what the
/// index or monitoring miss, their recounts catch up.
/// </summary>
internal sealed class LeistungEffects(int ozgId, IGrainFactory grains, ChangeBatcher monitoring, ILogger logger)
{
    /// <summary>The Themenfeld told of every change, kept: Orleans makes a grain reference by reflection each time.</summary>
    private (int Id, IThemenfeldGrain Grain)? _themenfeld;

    /// <summary>
    /// Whether the Leistung has milestones: unknown (null) until its milestone record says, so that a Leistung without
    /// any (most of them) stops telling it after the first change.
    /// </summary>
    public bool? HasMilestones { get; set; }

    public void Emit(LeistungSummary before, LeistungChanged change)
    {
        var after = change.Leistung;
        try
        {
            // The index first: the recount reads the indexes, and an index never behind what the monitoring counted is
            // what lets it tell drift from a change under way.
            Themenfeld(after.ThemenfeldId).OnLeistungChangedAsync(after).Ignore();
            if (after.ThemenfeldId != before.ThemenfeldId && before.ThemenfeldId > 0)
            {
                Themenfeld(before.ThemenfeldId).OnLeistungChangedAsync(after).Ignore();
            }

            if (HasMilestones != false && MayMoveMilestones(before.Status, after.Status))
            {
                grains.GetGrain<ITermineGrain>(ozgId).OnLeistungChangedAsync(after).Ignore();
            }
        }
        catch (Exception exception)
        {
            logger.LogWarning(exception, "Leistung {OzgId}: version {Version} not passed on to its index and milestones", ozgId, after.Version);
        }

        monitoring.Enqueue(change);
    }

    /// <summary>Milestones are per phase (and Land): only a change of the phase or a Verfügbarkeit can reach or miss one.</summary>
    private static bool MayMoveMilestones(LeistungStatus before, LeistungStatus after) =>
        before.Phase != after.Phase || !before.Verfuegbarkeit.SequenceEqual(after.Verfuegbarkeit);

    private IThemenfeldGrain Themenfeld(int themenfeldId)
    {
        if (_themenfeld is not { } known || known.Id != themenfeldId)
        {
            known = (themenfeldId, grains.GetGrain<IThemenfeldGrain>(themenfeldId));
            _themenfeld = known;
        }

        return known.Grain;
    }
}
