using Microsoft.Extensions.Logging;
using Orleans.Storage;

namespace OzgGrid.Grains.Monitoring;

/// <summary>
/// Persists what the aggregator counted, its progress series, its hubs and its epoch. While a cluster forms, a second
/// activation of the aggregator may exist for a moment: the one whose write loses gives way (<paramref name="giveWay"/>).
/// </summary>
/// <param name="compose">The stored state with the aggregator's current counts, progress and hubs put in.</param>
public sealed class AggregatorStore(
    IPersistentState<ProgrammeAggregatorState> state,
    Func<ProgrammeAggregatorState, ProgrammeAggregatorState> compose,
    Action giveWay,
    ILogger logger)
{
    /// <summary>Something counted since the last write.</summary>
    private bool _changed;

    /// <summary>What was stored when the aggregator activated.</summary>
    public ProgrammeAggregatorState Stored => state.State;

    /// <summary>
    /// Starts a new epoch and stores it before anything is published: sequence numbers of an earlier activation are
    /// never reused.
    /// </summary>
    /// <returns>The new epoch.</returns>
    public async Task<long> BeginEpochAsync(CancellationToken cancellationToken)
    {
        state.State = state.State with { Epoch = state.State.Epoch + 1 };
        await WriteOrGiveWayAsync(cancellationToken);
        return state.State.Epoch;
    }

    public void MarkChanged() => _changed = true;

    /// <summary>Writes now (a hub that was not known yet: a new activation is to publish to it at once).</summary>
    public async Task WriteAsync(CancellationToken cancellationToken)
    {
        state.State = compose(state.State);
        await WriteOrGiveWayAsync(cancellationToken);
    }

    /// <summary>Writes if something was counted since the last write; a failed write is tried again the next time.</summary>
    public async Task WriteIfChangedAsync(CancellationToken cancellationToken)
    {
        if (!_changed)
        {
            return;
        }

        _changed = false;
        try
        {
            await WriteAsync(cancellationToken);
        }
        catch (Exception exception) when (exception is not InconsistentStateException)
        {
            _changed = true;
            logger.LogWarning(exception, "Could not persist the programme figures; retrying");
        }
    }

    /// <summary>
    /// Another activation wrote in between (possible for a moment while silos join or leave): this one gives way, and
    /// the next call reaches the survivor, whose figures the recount keeps right.
    /// </summary>
    private async Task WriteOrGiveWayAsync(CancellationToken cancellationToken)
    {
        try
        {
            await state.WriteStateAsync(cancellationToken);
        }
        catch (InconsistentStateException)
        {
            logger.LogWarning("Programme aggregator state was written by another activation; deactivating in epoch {Epoch}", state.State.Epoch);
            giveWay();
            throw;
        }
    }
}
