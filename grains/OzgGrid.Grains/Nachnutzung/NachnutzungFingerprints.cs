using OzgGrid.Grains.Abstractions.Nachnutzung;
using OzgGrid.Grains.Records;

namespace OzgGrid.Grains.Nachnutzung;

/// <summary>What each write of an EfA-Nachnutzung asks, in a fixed encoding (see <see cref="CanonicalEncoding"/>).</summary>
public static class NachnutzungFingerprints
{
    public static long Umsetzungsland(long? expectedVersion, string land) =>
        new CanonicalEncoding("nachnutzung.umsetzungsland/1").Number(expectedVersion).Text(land).Hash();

    public static long Zustand(long? expectedVersion, string land, NachnutzungZustand zustand, bool overrideByManagement) =>
        new CanonicalEncoding("nachnutzung.zustand/1").Number(expectedVersion).Text(land).Number((int)zustand).Flag(overrideByManagement).Hash();
}
