using Grpc.Core;
using Grpc.Net.Client;
using OzgGrid.Protos.V1;

namespace OzgGrid.Silo.Tests.Fuzzing;

/// <summary>Hostile requests of the Anschluss API: unknown steps, malformed values and AGS, Kommunen of two Länder, wrong callers, odd reports.</summary>
public sealed partial class HostileRequestGenerator
{
    private AnschlussService.AnschlussServiceClient Anschluss(GrpcChannel? channel = null) => new(channel ?? management);

    private HostileRequest BadAnschluss() => random.Next(13) switch
    {
        0 => Anschluss("unknown Anschluss step", Invalid, Item("05000001", (AnschlussSchritt)OutOfRange(1, 8), "2030-01-01")),
        1 => Anschluss("malformed date", Invalid, Item("05000001", AnschlussSchritt.GoLiveGeplant, Odd())),
        2 => Anschluss("Go-Live done in the future", Invalid, Item("05000001", AnschlussSchritt.GoLiveErfolgt, "2099-12-31")),
        3 => Anschluss("malformed Zustellweg", Invalid, Item("05000001", AnschlussSchritt.Zustellweg, random.Next(2) == 0 ? Odd() : "fit-connect:kein-uuid")),
        4 => Anschluss("PVOG entry without a link", Invalid, Item("05000001", AnschlussSchritt.PvogEintrag, Odd())),
        5 => Anschluss("malformed AGS", Invalid, Item(Odd(), AnschlussSchritt.Fachverfahren, "Verfahren")),
        6 => Anschluss("Kommunen of two Länder", Invalid,
            Item("05000001", AnschlussSchritt.Fachverfahren, "Verfahren"), Item("09162000", AnschlussSchritt.Fachverfahren, "Verfahren")),
        7 => Anschluss("no items", Invalid),
        8 => new("Anschluss by monitoring", Refused, () => Anschluss(monitoring).SetAnschlussAsync(new SetAnschlussRequest
        {
            OnlinedienstId = "od-unbekannt", RequestId = NewRequestId(), Aenderungen = { Item("05000001", AnschlussSchritt.Fachverfahren, "Verfahren") },
        }).ResponseAsync),
        9 => new("Anschluss progress of an unknown Land", InvalidOrMissing, () => Anschluss(monitoring).GetAnschlussFortschrittAsync(
            new GetAnschlussFortschrittRequest { OnlinedienstId = random.Next(2) == 0 ? Odd() : "od-unbekannt", Land = Odd() }).ResponseAsync),
        10 => new("Anschluss report of an odd Land or part", Invalid, () => Anschluss(monitoring).ExportAnschlussReportAsync(random.Next(2) == 0
            ? new ExportAnschlussReportRequest { Land = Odd() is { Length: > 0 } land ? land : "XX", Teil = AnschlussReportTeil.Checklisten }
            : new ExportAnschlussReportRequest { Land = "NW", Teil = (AnschlussReportTeil)(random.Next(2) == 0 ? 0 : OutOfRange(0, 3)) }).ResponseAsync),
        11 => new("Anschluss report in an odd format", Invalid, () => Anschluss(monitoring).ExportAnschlussReportAsync(
            new ExportAnschlussReportRequest { Land = "NW", Teil = AnschlussReportTeil.Prognose, Format = (ReportFormat)OutOfRange(0, 2) }).ResponseAsync),
        _ => new("forecast of a bad OZG-ID", InvalidOrMissing, () => Anschluss(monitoring).GetAnschlussPrognoseAsync(
            new GetAnschlussPrognoseRequest { OzgId = OutOfRange(1, 100_000), Land = "NW" }).ResponseAsync),
    };

    /// <summary>A write to an Onlinedienst nobody registered: refused before it could reach one (or as not found).</summary>
    private HostileRequest Anschluss(string kind, StatusCode[] acceptable, params AnschlussAenderung[] aenderungen) =>
        new(kind, acceptable, () => Anschluss().SetAnschlussAsync(new SetAnschlussRequest
        {
            OnlinedienstId = random.Next(4) == 0 ? Odd() : "od-unbekannt", RequestId = NewRequestId(), Aenderungen = { aenderungen },
        }).ResponseAsync);

    private static AnschlussAenderung Item(string ags, AnschlussSchritt schritt, string wert) => new() { Ags = ags, Schritt = schritt, Wert = wert };
}
