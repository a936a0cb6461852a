using System.Collections.Immutable;
using Orleans.Services;

namespace OzgGrid.Grains.Abstractions.Cluster;

/// <summary>
/// Each silo's own count of its activations. A grain service is addressed by its silo, without the grain directory,
/// so a silo that just died holds up only the question put to it.
/// </summary>
public interface ISiloActivations : IGrainService
{
    Task<ImmutableArray<GrainTypeActivations>> GetActivationsAsync();
}
