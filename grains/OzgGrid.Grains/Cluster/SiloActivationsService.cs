using System.Collections.Immutable;
using Microsoft.Extensions.Logging;
using OzgGrid.Grains.Abstractions.Cluster;

namespace OzgGrid.Grains.Cluster;

/// <summary>Answers, on every silo, with that silo's own activation counts.</summary>
public sealed class SiloActivationsService(GrainId id, Silo silo, ILoggerFactory loggerFactory, LocalActivationCounts counts)
    : GrainService(id, silo, loggerFactory), ISiloActivations
{
    public Task<ImmutableArray<GrainTypeActivations>> GetActivationsAsync() => Task.FromResult(counts.Read());
}
