using OzgGrid.Grains.Abstractions.Komponenten;
using OzgGrid.Grains.Records;

namespace OzgGrid.Grains.Komponenten;

/// <summary>What each write of a reusable component asks, in a fixed encoding (see <see cref="CanonicalEncoding"/>).</summary>
public static class KomponenteFingerprints
{
    public static long Register(long? expectedVersion, string name, KomponenteArt art, string beschreibung, string laborId) =>
        new CanonicalEncoding("komponente.register/1").Number(expectedVersion).Text(name).Number((int)art).Text(beschreibung).Text(laborId).Hash();

    public static long Nutzung(long? expectedVersion, int ozgId, bool used) =>
        new CanonicalEncoding("komponente.nutzung/1").Number(expectedVersion).Number(ozgId).Flag(used).Hash();
}
