using OzgGrid.Grains.Abstractions.Rollout;
using OzgGrid.Grains.Records;

namespace OzgGrid.Grains.Rollout;

/// <summary>What a write of a Land's responsible Kommunen asks, in a fixed encoding (see <see cref="CanonicalEncoding"/>).</summary>
public static class ZustaendigeKommunenFingerprints
{
    public static long Set(long? expectedVersion, ZustaendigeKommunen zustaendige) =>
        new CanonicalEncoding("rollout.zustaendige-kommunen/1").Number(expectedVersion).Number((int)zustaendige.Art).Texts(zustaendige.Ags).Hash();
}
