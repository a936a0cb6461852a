using System.Collections.Immutable;
using OzgGrid.Grains.Abstractions.Nutzung;
using OzgGrid.Grains.Records;

namespace OzgGrid.Grains.Nutzung;

/// <summary>What each write of a usage record asks, in a fixed encoding (see <see cref="CanonicalEncoding"/>).</summary>
public static class NutzungFingerprints
{
    public static long Import(long? expectedVersion, ImmutableArray<NutzungZeile> zeilen) =>
        new CanonicalEncoding("nutzung.import/1").Number(expectedVersion)
            .List(zeilen, (encoding, z) => encoding.Text(z.Ags).Number(z.Monat).Number(z.Transaktionen)).Hash();
}
