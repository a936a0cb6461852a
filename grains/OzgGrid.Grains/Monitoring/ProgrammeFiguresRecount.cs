using Microsoft.Extensions.Logging;
using OzgGrid.Grains.Abstractions.ProgrammeManagement;

namespace OzgGrid.Grains.Monitoring;

/// <summary>
/// Compares the aggregator's copy of the programme-management figures with <see cref="IProgrammeFiguresGrain"/>'s and
/// takes that grain's figures when the copy is behind (events lost on the way) or differs at the same event number
/// (drift). Read in one step, outside the aggregator's gate, and corrected in a second, under it.
/// </summary>
public sealed class ProgrammeFiguresRecount(IGrainFactory grains, ProgrammeFiguresCopy copy, MonitoringOptions options, TimeProvider clock, ILogger logger)
{
    /// <summary>Reads the figures grain; null when it cannot be read (the next recount tries again).</summary>
    /// <param name="graceful">Give events still on their way a moment before treating the copy as behind.</param>
    public async Task<(ProgrammeFiguresSnapshot Source, long TakenBeforeRead)?> ReadAsync(bool graceful)
    {
        var takenBeforeRead = copy.Sequence;
        try
        {
            var figuresGrain = grains.GetGrain<IProgrammeFiguresGrain>(IProgrammeFiguresGrain.Key);
            var source = await figuresGrain.GetSnapshotAsync();
            if (graceful && source.Sequence > copy.Sequence)
            {
                await Task.Delay(options.ReconciliationGrace, clock);
                source = await figuresGrain.GetSnapshotAsync();
            }

            return (source, takenBeforeRead);
        }
        catch (Exception exception) when (exception is TimeoutException or OrleansException)
        {
            logger.LogWarning(exception, "Programme-management figures could not be read for the recount; next time");
            return null;
        }
    }

    /// <summary>Corrects the copy from what was read (call under the aggregator's gate).</summary>
    /// <returns>The keys that differed: watchers then need a fresh snapshot.</returns>
    public IReadOnlyList<string> Correct((ProgrammeFiguresSnapshot Source, long TakenBeforeRead) reading, bool graceful)
    {
        var (source, takenBeforeRead) = reading;
        if (copy.Sequence > source.Sequence && copy.Sequence != takenBeforeRead)
        {
            // Newer events were taken while reading: the copy is ahead of what was read, nothing to correct. (Ahead
            // with nothing taken meanwhile cannot be explained by events on the way — the figures grain persists an
            // event's number before passing it on — so the copy is corrected below.)
            return [];
        }

        var behind = copy.Sequence != source.Sequence;
        var drifted = copy.TakeFrom(source);
        if (drifted.Count > 0 && graceful)
        {
            logger.LogWarning("Programme-management figures were {How} in {Count} figures ({Figures}); corrected",
                behind ? "out of step with the figures grain" : "drifted", drifted.Count, string.Join(", ", drifted.Take(10)));
        }

        return drifted;
    }
}
