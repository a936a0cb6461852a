using OzgGrid.Grains.Abstractions.Themenfelder;
using OzgGrid.Grains.Records;

namespace OzgGrid.Grains.Themenfelder;

/// <summary>What each write of a Themenfeld asks, in a fixed encoding (see <see cref="CanonicalEncoding"/>).</summary>
public static class ThemenfeldFingerprints
{
    public static long Federfuehrung(long? expectedVersion, Federfuehrung federfuehrung) =>
        new CanonicalEncoding("themenfeld.federfuehrung/1")
            .Number(expectedVersion)
            .Text(federfuehrung.Bundesressort)
            .Texts(federfuehrung.Laender)
            .Hash();
}
