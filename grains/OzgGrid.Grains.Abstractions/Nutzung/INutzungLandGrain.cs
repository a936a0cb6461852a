using System.Collections.Immutable;
using Orleans.Concurrency;

namespace OzgGrid.Grains.Abstractions.Nutzung;

/// <summary>
/// The usage findings of one Land (key: its kürzel): checked after each import, and periodically (rollout changes are
/// seen at the next check), announced as they appear and disappear.
/// </summary>
public interface INutzungLandGrain : IGrainWithStringKey
{
    /// <summary>An Onlinedienst's figures in the Land changed: checks soon. One way: the importer never waits.</summary>
    [OneWay]
    Task OnImportedAsync();

    /// <summary>Checks now and returns the findings.</summary>
    Task<ImmutableArray<NutzungsBefund>> CheckAsync();

    /// <summary>The findings of the last check, ordered by Onlinedienst, AGS and kind.</summary>
    [AlwaysInterleave]
    Task<ImmutableArray<NutzungsBefund>> GetBefundeAsync();
}
