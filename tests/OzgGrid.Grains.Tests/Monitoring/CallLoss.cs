namespace OzgGrid.Grains.Tests.Monitoring;

/// <summary>
/// Loses the next calls of one grain method when armed, as a one-way message is lost with a silo that dies while it is
/// on its way. One instance per method, in every silo of the test cluster.
/// </summary>
public sealed class CallLoss(Type grainInterface, string method) : IIncomingGrainCallFilter
{
    private int _toLose;
    private int _lost;
    private Func<IIncomingGrainCallContext, bool> _only = _ => true;

    /// <summary>How many calls were lost since the cluster started.</summary>
    public int Lost => Volatile.Read(ref _lost);

    /// <param name="only">Which calls may be lost (by their arguments, say); null: any call of the method.</param>
    public void LoseNext(int count, Func<IIncomingGrainCallContext, bool>? only = null)
    {
        _only = only ?? (_ => true);
        Interlocked.Exchange(ref _toLose, count);
    }

    public Task Invoke(IIncomingGrainCallContext context)
    {
        if (context.InterfaceMethod is { } called && called.Name == method && called.DeclaringType == grainInterface && _only(context) && TakeOne())
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
