using OzgGrid.Grains.Abstractions.Leistungen;
using OzgGrid.Grains.Records;

namespace OzgGrid.Grains.Leistungen;

/// <summary>What each write of a Leistung asks, in a fixed encoding (see <see cref="CanonicalEncoding"/>).</summary>
public static class LeistungFingerprints
{
    public static long Status(long? expectedVersion, LeistungStatusUpdate update) =>
        new CanonicalEncoding("leistung.status/1")
            .Number(expectedVersion)
            .Number(update.Reifegrad)
            .Number((int?)update.Phase)
            .Text(update.Verfuegbarkeit?.Land)
            .Number((int?)update.Verfuegbarkeit?.Verfuegbarkeit)
            .Hash();

    public static long Zustaendigkeit(long? expectedVersion, Zustaendigkeit zustaendigkeit) =>
        new CanonicalEncoding("leistung.zustaendigkeit/1")
            .Number(expectedVersion)
            .Number((int)zustaendigkeit.UmsetzendeStelle.Art)
            .Text(zustaendigkeit.UmsetzendeStelle.Name)
            .Flag(zustaendigkeit.Efa)
            .Text(zustaendigkeit.ItDienstleister)
            .Texts(zustaendigkeit.NachnutzerLaender)
            .Hash();
}
