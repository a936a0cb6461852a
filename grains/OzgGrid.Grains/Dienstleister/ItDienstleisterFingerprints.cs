using OzgGrid.Grains.Abstractions.Dienstleister;
using OzgGrid.Grains.Records;

namespace OzgGrid.Grains.Dienstleister;

/// <summary>What a write of an IT-Dienstleister asks, in a fixed encoding (see <see cref="CanonicalEncoding"/>).</summary>
public static class ItDienstleisterFingerprints
{
    public static long Register(long? expectedVersion, ItDienstleisterRegistration registration) =>
        new CanonicalEncoding("it-dienstleister.register/1")
            .Number(expectedVersion)
            .Text(registration.Name)
            .Texts(registration.Laender)
            .Text(registration.Contact)
            .Hash();

    public static long Deactivation(long? expectedVersion, bool deactivated) =>
        new CanonicalEncoding("it-dienstleister.deactivation/1")
            .Number(expectedVersion)
            .Flag(deactivated)
            .Hash();
}
