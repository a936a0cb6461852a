using System.Globalization;
using Google.Protobuf.WellKnownTypes;
using OzgGrid.Grains.Abstractions.Anschluss;
using Proto = OzgGrid.Protos.V1;

namespace OzgGrid.Gateway.Mapping;

/// <summary>Anschluss records, progress and forecasts, domain to proto.</summary>
public static class AnschlussMapping
{
    public static Proto.AnschlussKommune MapToProto(this AnschlussKommune kommune, DateOnly today) => new()
    {
        Ags = kommune.Ags,
        Eintraege =
        {
            kommune.Punkte.Select(p => new Proto.AnschlussEintrag
            {
                Schritt = (Proto.AnschlussSchritt)p.Key, Wert = p.Value.Wert, GesetztVon = p.Value.GesetztVon, GesetztAm = Timestamp.FromDateTimeOffset(p.Value.GesetztAm),
            }),
        },
        Offen = kommune.ErsterOffenerSchritt is { } offen ? (Proto.AnschlussSchritt)offen : Proto.AnschlussSchritt.Unspecified,
        Online = kommune.IstOnline,
        Ueberfaellig = kommune.IstUeberfaellig(today),
    };

    public static Proto.AnschlussStand MapToProto(this IReadOnlyCollection<AnschlussKommune> kommunen, int imScope, DateOnly today) => new()
    {
        Kommunen = imScope,
        Begonnen = kommunen.Count,
        Online = kommunen.Count(k => k.IstOnline),
        Ueberfaellig = kommunen.Count(k => k.IstUeberfaellig(today)),
        Schritte =
        {
            System.Enum.GetValues<AnschlussSchritt>().Select(s => new Proto.SchrittAnzahl { Schritt = (Proto.AnschlussSchritt)s, Kommunen = kommunen.Count(k => k.Punkte.ContainsKey(s)) }),
        },
    };

    public static Proto.FehlendeKommune MapToProto(this FehlendeKommune fehlend) => new()
    {
        Ags = fehlend.Ags,
        Blocker = fehlend.Blocker is { } blocker ? (Proto.AnschlussSchritt)blocker : Proto.AnschlussSchritt.Unspecified,
        OnlinedienstId = fehlend.OnlinedienstId,
        GoLiveGeplant = Day(fehlend.GoLiveGeplant),
        Ueberfaellig = fehlend.Ueberfaellig,
    };

    public static string Day(DateOnly? day) => day?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? string.Empty;
}
