using System.Collections.Immutable;
using OzgGrid.Grains.Abstractions.Nutzung;

namespace OzgGrid.Grains.Nutzung;

/// <summary>The findings of a Land's last check: derived from the usage records and the rollout, kept so that a finding that disappears is announced once.</summary>
[GenerateSerializer, Alias("ozg.NutzungLandState")]
public sealed class NutzungLandState
{
    [Id(0)]
    public ImmutableArray<NutzungsBefund> Befunde { get; set; } = [];
}
