using System.Collections.Concurrent;

namespace OzgGrid.Gateway.Grpc;

/// <summary>
/// Keeps the references of one grain interface by key. Orleans resolves the grain interface by reflection on every
/// <c>GetGrain</c>, which a CPU profile of status updates showed as one of the larger items per call; a reference is
/// immutable and stays valid while the silo runs. Bounded, because the keys come from requests.
/// </summary>
public sealed class GrainReferenceCache<TGrain>(IGrainFactory grains)
    where TGrain : IGrainWithIntegerKey
{
    /// <summary>Far above the catalogue's few hundred Leistungen and 14 Themenfelder; beyond it references are made per call.</summary>
    private const int Capacity = 10_000;

    private readonly ConcurrentDictionary<long, TGrain> _references = new();

    public TGrain Get(long key)
    {
        if (_references.TryGetValue(key, out var reference))
        {
            return reference;
        }

        reference = grains.GetGrain<TGrain>(key);
        if (_references.Count < Capacity)
        {
            _references.TryAdd(key, reference);
        }

        return reference;
    }
}
