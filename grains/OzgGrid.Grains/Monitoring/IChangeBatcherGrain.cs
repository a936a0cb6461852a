using OzgGrid.Grains.Abstractions.Monitoring;

namespace OzgGrid.Grains.Monitoring;

/// <summary>
/// Collects the changes of the Leistungen on one silo and passes them to the programme aggregator in batches,
/// so that the aggregator receives a few calls per silo per second, not one per change.
/// </summary>
public interface IChangeBatcherGrain : IGrainWithIntegerKey
{
    Task EnqueueAsync(LeistungChanged change);
}
