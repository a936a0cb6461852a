using OzgGrid.Grains.Abstractions.Nachnutzung;
using OzgGrid.Grains.Abstractions.ProgrammeManagement;
using Proto = OzgGrid.Protos.V1;

namespace OzgGrid.Gateway.Mapping;

/// <summary>EfA-Nachnutzung and its report, domain to proto.</summary>
public static class NachnutzungMapping
{
    public static Proto.EfaNachnutzung MapToProto(this Recorded<EfaNachnutzung> recorded) => new()
    {
        OzgId = recorded.Body.OzgId,
        Umsetzungsland = recorded.Body.Umsetzungsland,
        Laender = { recorded.Body.Laender.ToDictionary(l => l.Key, l => l.Value.MapToProto()) },
        Version = recorded.Version,

        // Nothing recorded yet: no change to name.
        LastChange = recorded.Version == 0 ? null : recorded.LastChange.MapToProto(),
    };

    public static Proto.GetNachnutzungReportResponse MapToProto(this NachnutzungReport report) => new()
    {
        Leistungen =
        {
            report.Leistungen.Select(l => new Proto.LeistungNachnutzung
            {
                OzgId = l.OzgId,
                Umsetzungsland = l.Umsetzungsland,
                NachnutzerLive = l.NachnutzerLive,
                ByZustand = { l.LaenderJeZustand.Select(z => new Proto.NachnutzungCount { Zustand = z.Key.MapToProto(), Laender = z.Value }) },
            }),
        },
        Laender =
        {
            report.Laender.Select(l => new Proto.LandNachnutzung
            {
                Land = l.Land, Bereitgestellt = l.Bereitgestellt, NachgenutztLive = l.NachgenutztLive, InVorbereitung = l.NachnutzungInVorbereitung,
            }),
        },
    };
}
