using OzgGrid.Grains.Abstractions.Monitoring;

namespace OzgGrid.Grains.Monitoring;

/// <summary>
/// Numbers the changes the aggregator publishes, within its epoch: each activation starts a new epoch, so that a
/// number of an earlier activation is never given again and a hub can tell a gap from a restart.
/// </summary>
public sealed class ChangeSequence
{
    public long Epoch { get; private set; }

    /// <summary>The number of the last change published in <see cref="Epoch"/>.</summary>
    public long Last { get; private set; }

    public MonitoringCursor Cursor => new(Epoch, Last);

    public void Start(long epoch)
    {
        Epoch = epoch;
        Last = 0;
    }

    public long Next() => ++Last;
}
