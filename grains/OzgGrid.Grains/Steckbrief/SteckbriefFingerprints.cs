using OzgGrid.Grains.Abstractions.Steckbrief;
using OzgGrid.Grains.Records;

namespace OzgGrid.Grains.Steckbrief;

/// <summary>What each write of a Leistung's Steckbrief asks, in a fixed encoding (see <see cref="CanonicalEncoding"/>).</summary>
public static class SteckbriefFingerprints
{
    public static long Ebenen(long? expectedVersion, IEnumerable<Zustaendigkeitsebene> ebenen) =>
        new CanonicalEncoding("steckbrief.ebenen/1").Number(expectedVersion).List(ebenen, (encoding, ebene) => encoding.Number((int)ebene)).Hash();

    public static long Fim(long? expectedVersion, FimBaustein baustein, FimEintrag eintrag) =>
        new CanonicalEncoding("steckbrief.fim/1").Number(expectedVersion).Number((int)baustein).Text(eintrag.FimId).Text(eintrag.Version)
            .Number((int)eintrag.Status).Hash();
}
