using OzgGrid.Grains.Abstractions.Kommunen;
using OzgGrid.Grains.Records;

namespace OzgGrid.Grains.Kommunen;

/// <summary>What a Kommunen import asks, in a fixed encoding (see <see cref="CanonicalEncoding"/>): the list sorted by AGS.</summary>
public static class KommunenFingerprints
{
    public static long Import(long? expectedVersion, IEnumerable<Kommune> byAgs) =>
        new CanonicalEncoding("kommunen.import/1")
            .Number(expectedVersion)
            .List(byAgs, (encoding, k) => encoding.Text(k.Ags).Text(k.Name).Number((int)k.Source))
            .Hash();
}
