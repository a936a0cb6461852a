using OzgGrid.Grains.Abstractions.Monitoring;

namespace OzgGrid.Grains.Tests.Monitoring;

/// <summary>
/// Loses the next calls that pass programme-management events to the aggregator when armed, as a one-way message is
/// lost with a silo that dies while it is on its way. One instance in every silo of the test cluster.
/// </summary>
public sealed class ProgrammeEventLoss : IIncomingGrainCallFilter
{
    private int _toLose;
    private int _lost;

    /// <summary>How many calls were lost since the cluster started.</summary>
    public int Lost => Volatile.Read(ref _lost);

    public void LoseNext(int count) => Interlocked.Exchange(ref _toLose, count);

    public Task Invoke(IIncomingGrainCallContext context)
    {
        if (context.InterfaceMethod is { Name: nameof(IProgrammeAggregatorGrain.ApplyProgrammeEventsAsync) } method
            && method.DeclaringType == typeof(IProgrammeAggregatorGrain)
            && TakeOne())
        {
            Interlocked.Increment(ref _lost);
            return Task.CompletedTask;
        }

        return context.Invoke();
    }

    private bool TakeOne()
    {
        while (Volatile.Read(ref _toLose) is var left and > 0)
        {
            if (Interlocked.CompareExchange(ref _toLose, left - 1, left) == left)
            {
                return true;
            }
        }

        return false;
    }
}
