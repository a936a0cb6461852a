using System.Collections.Immutable;
using OzgGrid.Grains.Abstractions.Labore;
using OzgGrid.Grains.Records;

namespace OzgGrid.Grains.Labore;

/// <summary>What each write of a Digitalisierungslabor asks, in a fixed encoding (see <see cref="CanonicalEncoding"/>).</summary>
public static class LaborFingerprints
{
    public static long Define(long? expectedVersion, string name, int themenfeldId, ImmutableSortedSet<int> ozgIds) =>
        new CanonicalEncoding("labor.define/1").Number(expectedVersion).Text(name).Number(themenfeldId)
            .List(ozgIds, (encoding, ozgId) => encoding.Number(ozgId)).Hash();

    public static long Teilnehmer(long? expectedVersion, ImmutableArray<LaborTeilnehmer> teilnehmer) =>
        new CanonicalEncoding("labor.teilnehmer/1").Number(expectedVersion)
            .List(teilnehmer, (encoding, t) => encoding.Number((int)t.Art).Text(t.Kennung).Text(t.Rolle)).Hash();

    public static long Stufe(long? expectedVersion, LaborStufe stufe) =>
        new CanonicalEncoding("labor.stufe/1").Number(expectedVersion).Number((int)stufe).Hash();

    public static long Blaupause(long? expectedVersion, string name, string link, string beschreibung) =>
        new CanonicalEncoding("labor.blaupause/1").Number(expectedVersion).Text(name).Text(link).Text(beschreibung).Hash();
}
