using OzgGrid.Gateway.Grpc;
using OzgGrid.Grains.Abstractions.Nutzung;

namespace OzgGrid.Gateway.Nutzung;

/// <summary>Reads usage records (an Onlinedienst's year in a Land) for the figures and the report: a Land with hundreds of Onlinedienste is read in steps.</summary>
public static class NutzungRecords
{
    /// <summary>Records asked for together.</summary>
    private const int AtOnce = 50;

    /// <summary>The records the keys name, in their order; a key under which nothing was ever imported is left out.</summary>
    public static Task<List<NutzungJahr>> ReadAsync(IGrainFactory grains, IEnumerable<string> keys) =>
        IndexedRecords.InBatchesAsync(keys, key => grains.GetGrain<INutzungGrain>(key).GetAsync(), AtOnce);
}
