using System.Collections.Immutable;
using OzgGrid.Grains.Abstractions.Onlinedienste;
using OzgGrid.Grains.Abstractions.Reifegradmodelle;
using OzgGrid.Grains.Records;

namespace OzgGrid.Grains.Onlinedienste;

/// <summary>What each write of an Onlinedienst asks, in a fixed encoding (see <see cref="CanonicalEncoding"/>).</summary>
public static class OnlinedienstFingerprints
{
    public static long Register(long? expectedVersion, string name, string url, string anbieterId) =>
        new CanonicalEncoding("onlinedienst.register/1").Number(expectedVersion).Text(name).Text(url).Text(anbieterId).Hash();

    public static long Details(long? expectedVersion, OnlinedienstDetails details) =>
        new CanonicalEncoding("onlinedienst.details/1").Number(expectedVersion)
            .Text(details.Hersteller)
            .List(details.Fachverfahren, (encoding, f) => encoding.Text(f.Name).Text(f.Hersteller))
            .Texts(details.Portale)
            .List(details.Nutzerkonten, (encoding, k) => encoding.Number((int)k.Art).Text(k.Land))
            .Number((int)details.Vertrauensniveau)
            .Text(details.Bezahldienst)
            .List(details.Zustellwege, (encoding, z) => encoding.Number((int)z))
            .Flag(details.Efa)
            .List(details.Basiskomponenten, (encoding, b) => encoding.Number((int)b))
            .Hash();

    public static long Rate(long? expectedVersion, string leikaKey, ReifegradModellVersion modell, ImmutableSortedDictionary<string, int> bewertung) =>
        new CanonicalEncoding("onlinedienst.rate/1").Number(expectedVersion).Text(leikaKey).Number((int)modell)
            .List(bewertung, (encoding, entry) => encoding.Text(entry.Key).Number(entry.Value)).Hash();

    public static long Einsatzgebiet(long? expectedVersion, ImmutableArray<EinsatzImLand> einsatzgebiet) =>
        new CanonicalEncoding("onlinedienst.einsatzgebiet/1").Number(expectedVersion)
            .List(einsatzgebiet, (encoding, e) => encoding.Text(e.Land).Texts(e.Kommunen)).Hash();

    public static long Publish(long? expectedVersion, bool veroeffentlicht) =>
        new CanonicalEncoding("onlinedienst.publish/1").Number(expectedVersion).Flag(veroeffentlicht).Hash();
}
