using OzgGrid.Grains.Abstractions.Onlinedienste;

namespace OzgGrid.Gateway.Grpc;

/// <summary>Reads the Onlinedienste an id set names, for the reads and reports that go over many of them.</summary>
public static class OnlinedienstReads
{
    /// <summary>Calls at once: at most this many records are asked for together.</summary>
    private const int Batch = 50;

    /// <summary>In batches; an id whose registration never completed (named by the index, never written) is left out.</summary>
    public static async Task<List<Onlinedienst>> ReadAsync(IGrainFactory grains, IEnumerable<string> ids) =>
        [.. (await IndexedRecords.ReadAllAsync(ids, id => grains.GetGrain<IOnlinedienstGrain>(id).GetAsync(), Batch)).Select(r => r.Body)];
}
