using Orleans.Runtime.Services;
using OzgGrid.Grains.Abstractions.Cluster;

namespace OzgGrid.Grains.Cluster;

/// <summary>Reaches the <see cref="ISiloActivations"/> of a given silo.</summary>
public sealed class SiloActivationsClient(IServiceProvider services) : GrainServiceClient<ISiloActivations>(services)
{
    public ISiloActivations On(SiloAddress silo) => GetGrainService(silo);
}
