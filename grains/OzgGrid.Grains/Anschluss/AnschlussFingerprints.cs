using System.Collections.Immutable;
using OzgGrid.Grains.Abstractions.Anschluss;
using OzgGrid.Grains.Records;

namespace OzgGrid.Grains.Anschluss;

/// <summary>What each write of an Anschluss record asks, in a fixed encoding (see <see cref="CanonicalEncoding"/>).</summary>
public static class AnschlussFingerprints
{
    public static long Set(long? expectedVersion, ImmutableArray<AnschlussAenderung> aenderungen) =>
        new CanonicalEncoding("anschluss.set/1").Number(expectedVersion)
            .List(aenderungen, (encoding, a) => encoding.Text(a.Ags).Number((int)a.Schritt).Flag(a.Wert is null).Text(a.Wert ?? string.Empty))
            .Hash();

    public static long Frist(ImmutableSortedSet<string> ueberfaellig) =>
        new CanonicalEncoding("anschluss.frist/1").Texts(ueberfaellig).Hash();
}
