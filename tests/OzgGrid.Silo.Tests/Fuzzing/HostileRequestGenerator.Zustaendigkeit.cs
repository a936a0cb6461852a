using Grpc.Core;
using Grpc.Net.Client;
using OzgGrid.Protos.V1;

namespace OzgGrid.Silo.Tests.Fuzzing;

/// <summary>Hostile requests of the Zuständigkeit and FIM API: unknown enums, odd ids and AGS, wrong callers, stale versions.</summary>
public sealed partial class HostileRequestGenerator
{
    private ZustaendigkeitService.ZustaendigkeitServiceClient Zustaendigkeit(GrpcChannel? channel = null) => new(channel ?? management);

    private HostileRequest BadZustaendigkeitOrFim() => random.Next(12) switch
    {
        0 => Ebenen("unknown Zuständigkeitsebene", Invalid, new() { OzgId = AnyOzgId(), RequestId = NewRequestId(), Ebenen = { (Zustaendigkeitsebene)OutOfRange(1, 3) } }),
        1 => Ebenen("no Zuständigkeitsebene", Invalid, new() { OzgId = AnyOzgId(), RequestId = NewRequestId() }),
        2 => Ebenen("Zuständigkeitsebene by monitoring", Refused, new() { OzgId = AnyOzgId(), RequestId = NewRequestId(), Ebenen = { Zustaendigkeitsebene.Bund } }, monitoring),
        3 => Ebenen("Zuständigkeitsebene at a stale version", [StatusCode.FailedPrecondition],
            new() { OzgId = AnyOzgId(), RequestId = NewRequestId(), Ebenen = { Zustaendigkeitsebene.Land }, ExpectedVersion = random.Next(1, int.MaxValue) }),
        4 => Fim("unknown FIM status", Invalid, Eintrag(FimBaustein.Stammtext, "S1", (FimStatus)OutOfRange(1, 7))),
        5 => Fim("unknown FIM building block", Invalid, Eintrag((FimBaustein)OutOfRange(1, 3), "S1", FimStatus.Entwurf)),
        6 => Fim("odd FIM id", Invalid, Eintrag(FimBaustein.Stammprozess, Odd() + " /", FimStatus.Entwurf)),
        7 => Kommunen("AGS of another Land or none", Invalid, ZustaendigeKommunenArt.Liste, random.Next(2) == 0 ? Odd() : "09162000"),
        8 => Kommunen("AGS with ALLE", Invalid, ZustaendigeKommunenArt.Alle, "05000001"),
        9 => Kommunen("AGS not in the register", InvalidOrMissing, ZustaendigeKommunenArt.Liste, "05999999"),
        10 => new("responsible Kommunen without a token", NoToken, () => Zustaendigkeit(anonymous).SetZustaendigeKommunenAsync(new SetZustaendigeKommunenRequest
        {
            OzgId = AnyOzgId(), Land = "NW", RequestId = NewRequestId(), Art = ZustaendigeKommunenArt.Keine,
        }).ResponseAsync),
        _ => new("unknown FIM status filter", Invalid, () => Zustaendigkeit(monitoring).ListLeistungenByFimStatusAsync(
            new ListLeistungenByFimStatusRequest { Status = (FimStatus)OutOfRange(1, 7) }).ResponseAsync),
    };

    /// <summary>The Zuständigkeit report in a format this version does not know, or without a token.</summary>
    private HostileRequest BadZustaendigkeitReport() => random.Next(2) == 0
        ? new("Zuständigkeit report in an unknown format", Invalid, () => Zustaendigkeit(monitoring).ExportZustaendigkeitReportAsync(
            new ExportZustaendigkeitReportRequest { Format = (ReportFormat)OutOfRange(0, 2) }).ResponseAsync)
        : new("Zuständigkeit report without a token", NoToken, () => Zustaendigkeit(anonymous).ExportZustaendigkeitReportAsync(
            new ExportZustaendigkeitReportRequest { Format = ReportFormat.Xlsx }).ResponseAsync);

    private HostileRequest Ebenen(string kind, StatusCode[] acceptable, SetZustaendigkeitsebeneRequest request, GrpcChannel? channel = null) =>
        new(kind, acceptable, () => Zustaendigkeit(channel).SetZustaendigkeitsebeneAsync(request).ResponseAsync);

    private HostileRequest Fim(string kind, StatusCode[] acceptable, FimEintrag eintrag) =>
        new(kind, acceptable, () => Zustaendigkeit().SetFimStatusAsync(new SetFimStatusRequest { OzgId = AnyOzgId(), RequestId = NewRequestId(), Eintrag = eintrag }).ResponseAsync);

    private HostileRequest Kommunen(string kind, StatusCode[] acceptable, ZustaendigeKommunenArt art, string ags) =>
        new(kind, acceptable, () => Zustaendigkeit().SetZustaendigeKommunenAsync(new SetZustaendigeKommunenRequest
        {
            OzgId = AnyOzgId(), Land = random.Next(4) == 0 ? Odd() : "NW", RequestId = NewRequestId(), Art = art, Ags = { ags },
        }).ResponseAsync);

    private static FimEintrag Eintrag(FimBaustein baustein, string fimId, FimStatus status) =>
        new() { Baustein = baustein, FimId = fimId, Version = "1.0", Status = status };
}
