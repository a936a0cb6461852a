using Google.Protobuf.WellKnownTypes;
using OzgGrid.Grains.Abstractions.Nutzung;
using Proto = OzgGrid.Protos.V1;

namespace OzgGrid.Gateway.Mapping;

/// <summary>Usage findings to proto; the kinds count from 1 in both, so a cast maps them.</summary>
public static class NutzungMapping
{
    public static Proto.NutzungsBefundArt MapToProto(this NutzungsBefundArt art) => (Proto.NutzungsBefundArt)art;

    public static Proto.NutzungsBefund MapToProto(this NutzungsBefund befund) => new()
    {
        Art = befund.Art.MapToProto(),
        OnlinedienstId = befund.OnlinedienstId,
        Land = befund.Land,
        Ags = befund.Ags,
        OzgIds = { befund.OzgIds },
        Transaktionen = befund.Transaktionen,
        Beschreibung = befund.Beschreibung,
        FestgestelltAm = Timestamp.FromDateTimeOffset(befund.FestgestelltAm),
    };
}
