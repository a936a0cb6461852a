using Google.Protobuf.WellKnownTypes;
using OzgGrid.Grains.Abstractions.Komponenten;
using OzgGrid.Grains.Abstractions.Labore;
using OzgGrid.Grains.Abstractions.ProgrammeManagement;
using Proto = OzgGrid.Protos.V1;

namespace OzgGrid.Gateway.Mapping;

/// <summary>Digitalisierungslabore and reusable components, domain to proto.</summary>
public static class LaborMapping
{
    public static Proto.Labor MapToProto(this Recorded<Labor> recorded) => new()
    {
        LaborId = recorded.Body.LaborId,
        Name = recorded.Body.Name,
        ThemenfeldId = recorded.Body.ThemenfeldId,
        OzgIds = { recorded.Body.OzgIds },
        Teilnehmer = { recorded.Body.Teilnehmer.Select(t => new Proto.LaborTeilnehmer { Art = t.Art.MapToProto(), Kennung = t.Kennung, Rolle = t.Rolle }) },
        Stufe = recorded.Body.Stufe.MapToProto(),
        Blaupausen = { recorded.Body.Blaupausen.Select(MapToProto) },
        Version = recorded.Version,
        LastChange = recorded.LastChange.MapToProto(),
    };

    public static Proto.Blaupause MapToProto(this Blaupause blaupause) => new()
    {
        Name = blaupause.Name,
        Version = blaupause.Version,
        Link = blaupause.Link,
        Beschreibung = blaupause.Beschreibung,
        VeroeffentlichtAm = Timestamp.FromDateTimeOffset(blaupause.VeroeffentlichtAm),
    };

    public static Proto.Komponente MapToProto(this Recorded<Komponente> recorded) => new()
    {
        KomponenteId = recorded.Body.KomponenteId,
        Name = recorded.Body.Name,
        Art = recorded.Body.Art.MapToProto(),
        Beschreibung = recorded.Body.Beschreibung,
        LaborId = recorded.Body.LaborId,
        OzgIds = { recorded.Body.OzgIds },
        Version = recorded.Version,
        LastChange = recorded.LastChange.MapToProto(),
    };
}
