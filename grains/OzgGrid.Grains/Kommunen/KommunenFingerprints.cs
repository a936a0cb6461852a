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

    /// <summary>
    /// A register with Kreis, ARS, population, mergers or attribution has a kind of its own; one with names only keeps
    /// the first encoding, so that such a retry sent before the Gebietsstand came is still recognised.
    /// </summary>
    public static long Import(long? expectedVersion, IReadOnlyCollection<Kommune> byAgs, Gebietsstand gebietsstand)
    {
        var plain = gebietsstand.MergedInto.IsEmpty && gebietsstand.Attribution.Length == 0
            && byAgs.All(k => k.KreisName.Length == 0 && k.Ars.Length == 0 && k.Einwohner == 0);
        return plain
            ? Import(expectedVersion, byAgs)
            : new CanonicalEncoding("kommunen.gebietsstand/1")
                .Number(expectedVersion)
                .List(byAgs, (encoding, k) => encoding.Text(k.Ags).Text(k.Name).Number((int)k.Source).Text(k.KreisName).Text(k.Ars).Number(k.Einwohner))
                .List(gebietsstand.MergedInto, (encoding, merger) => encoding.Text(merger.Key).Text(merger.Value))
                .Text(gebietsstand.Attribution)
                .Hash();
    }
}
