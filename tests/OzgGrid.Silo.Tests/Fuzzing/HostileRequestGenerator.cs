using Grpc.Core;
using Grpc.Net.Client;
using OzgGrid.Protos.V1;

namespace OzgGrid.Silo.Tests.Fuzzing;

/// <summary>
/// Generates requests that are wrong in at least one way — out-of-range and boundary numbers, unknown enum values,
/// huge and odd strings, unknown ids, missing or wrong credentials, reused request ids — each with the refusals
/// that would be correct. None of them may change anything.
/// </summary>
public sealed partial class HostileRequestGenerator(
    Random random,
    GrpcChannel management,
    GrpcChannel monitoring,
    GrpcChannel anonymous,
    GrpcChannel forged,
    int[] ozgIds,
    (int OzgId, string RequestId) usedRequest)
{
    private static readonly StatusCode[] Invalid = [StatusCode.InvalidArgument];
    private static readonly StatusCode[] InvalidOrMissing = [StatusCode.InvalidArgument, StatusCode.NotFound];
    private static readonly StatusCode[] Refused = [StatusCode.PermissionDenied];
    private static readonly StatusCode[] NoToken = [StatusCode.Unauthenticated];

    private static readonly string[] OddStrings =
    [
        string.Empty, " ", "\0", "\u202Eevil", "NW\0", "N W", "💥💥💥", "'; DROP TABLE Leistungen; --", "../../etc/passwd",
        "%00", "\r\n", "ＮＷ", "Nordrhein-Westfalen", "99", "-1", "0x05", new string('x', 100_000),
    ];

    public HostileRequest Next() => random.Next(24) switch
    {
        0 => BadOzgId(),
        1 => BadRequestId(),
        2 => BadReifegrad(),
        3 => BadEnum(),
        4 => BadLand(),
        5 => WrongCaller(),
        6 => ReusedRequestId(),
        7 => BadZustaendigkeit(),
        8 => BadFederfuehrung(),
        9 => BadRegistration(),
        10 => BadRead(),
        11 => BadMonitoringRead(),
        12 => BadOnlinedienst(),
        13 => BadUmsetzungsprojekt(),
        14 => BadZustaendigkeitOrFim(),
        15 => BadKommunenRegister(),
        16 => BadNutzung(),
        17 => BadAnschluss(),
        18 => BadKennzahlen(),
        20 or 21 => BadZustaendigkeitReport(),
        22 => BadRollout(),
        23 => BadChecklistRead(),
        _ => OfflineButAvailable(),
    };

    /// <summary>A Leistung still at Reifegrad 0, as every one is but the one of <c>usedRequest</c>.</summary>
    private int AnyOzgId() => ozgIds.Where(id => id != usedRequest.OzgId).ElementAt(random.Next(ozgIds.Length - 1));

    private static string NewRequestId() => Guid.NewGuid().ToString();

    private string Odd() => OddStrings[random.Next(OddStrings.Length)];

    private int OutOfRange(int low, int high) => random.Next(2) == 0
        ? (random.Next(3) == 0 ? int.MinValue : random.Next(int.MinValue, low))
        : (random.Next(3) == 0 ? int.MaxValue : random.Next(high + 1, int.MaxValue));

    private LeistungService.LeistungServiceClient Leistungen(GrpcChannel? channel = null) => new(channel ?? management);

    private HostileRequest Status(string kind, StatusCode[] acceptable, UpdateLeistungStatusRequest request, GrpcChannel? channel = null) =>
        new(kind, acceptable, () => Leistungen(channel).UpdateLeistungStatusAsync(request).ResponseAsync);

    private HostileRequest BadOzgId()
    {
        var ozgId = random.Next(3) switch
        {
            0 => OutOfRange(1, int.MaxValue - 1) is var n && n < 1 ? n : 0,
            1 => random.Next(20_000, int.MaxValue),
            _ => 0,
        };
        return Status("unknown or invalid OZG-ID", InvalidOrMissing, new() { OzgId = ozgId, RequestId = NewRequestId(), Reifegrad = 1 });
    }

    private HostileRequest BadRequestId()
    {
        var requestId = random.Next(3) switch
        {
            0 => string.Empty,
            1 => new string('r', random.Next(129, 50_000)),
            _ => "id\u0001with\u0007controls",
        };
        return Status("bad request_id", Invalid, new() { OzgId = AnyOzgId(), RequestId = requestId, Reifegrad = 1 });
    }

    private HostileRequest BadReifegrad() =>
        Status("Reifegrad out of range", Invalid, new() { OzgId = AnyOzgId(), RequestId = NewRequestId(), Reifegrad = OutOfRange(0, 4) });

    private HostileRequest BadEnum() => random.Next(3) switch
    {
        0 => Status("unknown Umsetzungsphase", Invalid, new() { OzgId = AnyOzgId(), RequestId = NewRequestId(), Phase = (Umsetzungsphase)OutOfRange(0, 6) }),
        1 => Status("unknown Verfügbarkeit", Invalid, new()
        {
            OzgId = AnyOzgId(), RequestId = NewRequestId(),
            Verfuegbarkeit = new LandVerfuegbarkeit { Land = "NW", Verfuegbarkeit = (Verfuegbarkeit)OutOfRange(1, 4) },
        }),
        _ => Status("negative expected_version", Invalid, new()
        {
            OzgId = AnyOzgId(), RequestId = NewRequestId(), Reifegrad = 1, ExpectedVersion = -1 - random.Next(),
        }),
    };

    private HostileRequest BadLand() => Status("unknown Land", Invalid, new()
    {
        OzgId = AnyOzgId(), RequestId = NewRequestId(),
        Verfuegbarkeit = new LandVerfuegbarkeit { Land = Odd(), Verfuegbarkeit = Verfuegbarkeit.Pilot },
    });

    private HostileRequest WrongCaller() => random.Next(3) switch
    {
        0 => Status("monitoring writes", Refused, new() { OzgId = AnyOzgId(), RequestId = NewRequestId(), Reifegrad = 2 }, monitoring),
        1 => Status("no token", NoToken, new() { OzgId = AnyOzgId(), RequestId = NewRequestId(), Reifegrad = 2 }, anonymous),
        _ => Status("forged token", NoToken, new() { OzgId = AnyOzgId(), RequestId = NewRequestId(), Reifegrad = 2 }, forged),
    };

    private HostileRequest ReusedRequestId() =>
        Status("request_id reused for another change", Invalid, new() { OzgId = usedRequest.OzgId, RequestId = usedRequest.RequestId, Reifegrad = 4 });

    private HostileRequest OfflineButAvailable() => random.Next(2) == 0
        ? Status("Verfügbarkeit while offline", [StatusCode.FailedPrecondition], new()
        {
            OzgId = AnyOzgId(), RequestId = NewRequestId(),
            Verfuegbarkeit = new LandVerfuegbarkeit { Land = "BY", Verfuegbarkeit = Verfuegbarkeit.Flaechendeckend },
        })
        : Status("stale expected_version", [StatusCode.FailedPrecondition], new()
        {
            OzgId = AnyOzgId(), RequestId = NewRequestId(), Reifegrad = 3, ExpectedVersion = random.Next(100, int.MaxValue),
        });

    private HostileRequest BadZustaendigkeit()
    {
        var zustaendigkeit = random.Next(5) switch
        {
            0 => null,
            1 => new Zustaendigkeit { Land = Odd() },
            2 => new Zustaendigkeit { Land = "NW", Efa = false, NachnutzerLaender = { "BY" } },
            3 => new Zustaendigkeit { Bundesressort = new string('B', random.Next(201, 5_000)) },
            _ => new Zustaendigkeit { Land = "NW", ItDienstleister = Odd() + "-unregistered" },
        };
        var request = new SetZustaendigkeitRequest { OzgId = AnyOzgId(), RequestId = NewRequestId(), Zustaendigkeit = zustaendigkeit };
        return new("invalid Zuständigkeit", Invalid, () => Leistungen().SetZustaendigkeitAsync(request).ResponseAsync);
    }

    private HostileRequest BadFederfuehrung()
    {
        var request = new SetFederfuehrungRequest { ThemenfeldId = random.Next(1, 15), RequestId = NewRequestId() };
        StatusCode[] acceptable = Invalid;
        switch (random.Next(4))
        {
            case 0:
                request.Federfuehrung = new Federfuehrung();
                break;
            case 1:
                request.Federfuehrung = new Federfuehrung { Laender = { Odd() } };
                break;
            case 2:
                request.ThemenfeldId = random.Next(15, int.MaxValue);
                request.Federfuehrung = new Federfuehrung { Bundesressort = "BMI" };
                acceptable = [StatusCode.NotFound];
                break;
            default:
                request.Federfuehrung = new Federfuehrung { Bundesressort = "BMI", Laender = { Enumerable.Repeat("NW", 17) } };
                break;
        }

        return new("invalid Federführung", acceptable, () => new ThemenfeldService.ThemenfeldServiceClient(management).SetFederfuehrungAsync(request).ResponseAsync);
    }

    private HostileRequest BadRegistration()
    {
        var request = random.Next(3) switch
        {
            0 => new RegisterItDienstleisterRequest { Id = Odd() + "UPPER", RequestId = NewRequestId(), Name = "x", Laender = { "NW" } },
            1 => new RegisterItDienstleisterRequest { Id = "fuzz", RequestId = NewRequestId(), Name = string.Empty, Laender = { "NW" } },
            _ => new RegisterItDienstleisterRequest { Id = "fuzz", RequestId = NewRequestId(), Name = "Fuzz", Laender = { Odd() } },
        };
        return new("invalid registration", Invalid,
            () => new ItDienstleisterService.ItDienstleisterServiceClient(management).RegisterItDienstleisterAsync(request).ResponseAsync);
    }

    /// <summary>A moment no Timestamp can hold (seconds beyond 0001–9999, nanos beyond 0–999,999,999).</summary>
    private Google.Protobuf.WellKnownTypes.Timestamp BadMoment() => random.Next(2) == 0
        ? new() { Seconds = random.Next(2) == 0 ? random.NextInt64(long.MinValue, -62_135_596_800) : random.NextInt64(253_402_300_800, long.MaxValue) }
        : new() { Seconds = random.Next(), Nanos = random.Next(2) == 0 ? random.Next(int.MinValue, 0) : random.Next(1_000_000_000, int.MaxValue) };

    private HostileRequest BadMonitoringRead()
    {
        var client = new MonitoringService.MonitoringServiceClient(monitoring);
        return random.Next(6) switch
        {
            0 => new("as_of out of range (figures)", Invalid,
                () => client.GetProgrammeFiguresAsync(new GetProgrammeFiguresRequest { AsOf = BadMoment() }).ResponseAsync),
            1 => new("as_of out of range (report)", Invalid,
                () => client.ExportReportAsync(new ExportReportRequest { Kind = ReportKind.Laender, AsOf = BadMoment() }).ResponseAsync),
            2 => new("as_of out of range (Leistung)", Invalid,
                () => client.GetLeistungAsOfAsync(new GetLeistungAsOfRequest { OzgId = AnyOzgId(), AsOf = BadMoment() }).ResponseAsync),
            3 => new("unknown granularity", Invalid,
                () => client.GetProgressAsync(new GetProgressRequest { Granularity = (ProgressGranularity)OutOfRange(0, 2) }).ResponseAsync),
            4 => new("unknown Themenfeld filter", InvalidOrMissing,
                () => Leistungen().ListLeistungenAsync(new ListLeistungenRequest { ThemenfeldId = OutOfRange(1, 14) }).ResponseAsync),
            _ => new("unknown Lage filter", InvalidOrMissing,
                () => Leistungen().ListLeistungenAsync(new ListLeistungenRequest { LageId = OutOfRange(1, 100) }).ResponseAsync),
        };
    }

    private HostileRequest BadRead() => random.Next(6) switch
    {
        0 => new("bad page_size", Invalid,
            () => Leistungen().ListLeistungenAsync(new ListLeistungenRequest { PageSize = OutOfRange(0, 500) }).ResponseAsync),
        1 => new("bad page_token", Invalid,
            () => Leistungen().ListLeistungenAsync(new ListLeistungenRequest { PageToken = Odd() + "x" }).ResponseAsync),
        2 => new("bad changes page_token", Invalid,
            () => Leistungen().ListLeistungChangesAsync(new ListLeistungChangesRequest { OzgId = AnyOzgId(), PageToken = Odd() + "y" }).ResponseAsync),
        3 => new("bad Reifegrad filter", Invalid,
            () => Leistungen().ListLeistungenAsync(new ListLeistungenRequest { MinReifegrad = OutOfRange(0, 4) }).ResponseAsync),
        4 => new("empty or overlong search query", Invalid, () => new SucheService.SucheServiceClient(monitoring)
            .SucheLeistungenAsync(new SucheLeistungenRequest { Query = random.Next(2) == 0 ? " \t " : new string('x', 201 + random.Next(100_000)) }).ResponseAsync),
        _ => new("bad resume cursor", Invalid, async () =>
        {
            using var call = new MonitoringService.MonitoringServiceClient(monitoring)
                .WatchProgramme(new WatchProgrammeRequest { ResumeCursor = Odd() + ".z" });
            await call.ResponseStream.MoveNext(CancellationToken.None);
        }),
    };

    /// <summary>A request of the Onlinedienst API wrong in one field (the Onlinedienst need not exist: the guards come first).</summary>
    private HostileRequest BadOnlinedienst()
    {
        var client = new OnlinedienstService.OnlinedienstServiceClient(management);
        const string id = "fuzz-onlinedienst";
        var kriterium = new KriteriumBewertung { Kriterium = "K01", Stufe = 1 };
        return random.Next(12) switch
        {
            0 => new("bad onlinedienst_id", Invalid, () => client.RegisterOnlinedienstAsync(new RegisterOnlinedienstRequest
            {
                OnlinedienstId = Odd() + "UPPER", RequestId = NewRequestId(), Name = "x", Url = "https://x.example.org", AnbieterId = "dataport",
            }).ResponseAsync),
            1 => new("bad Onlinedienst url", Invalid, () => client.RegisterOnlinedienstAsync(new RegisterOnlinedienstRequest
            {
                OnlinedienstId = id, RequestId = NewRequestId(), Name = "x", Url = Odd(), AnbieterId = "dataport",
            }).ResponseAsync),
            2 => new("bad leika_key", Invalid, () => client.RateOnlinedienstLeistungAsync(new RateOnlinedienstLeistungRequest
            {
                OnlinedienstId = id, RequestId = NewRequestId(), LeikaKey = Odd(), Modell = ReifegradModell.V11,
            }).ResponseAsync),
            3 => new("unknown Reifegradmodell", Invalid, () => client.RateOnlinedienstLeistungAsync(new RateOnlinedienstLeistungRequest
            {
                OnlinedienstId = id, RequestId = NewRequestId(), LeikaKey = "99001001000000", Modell = (ReifegradModell)OutOfRange(1, 2),
            }).ResponseAsync),
            4 => new("criterion rated out of range", Invalid, () => client.RateOnlinedienstLeistungAsync(new RateOnlinedienstLeistungRequest
            {
                OnlinedienstId = id, RequestId = NewRequestId(), LeikaKey = "99001001000000", Modell = ReifegradModell.V20,
                Kriterien = { random.Next(2) == 0 ? new KriteriumBewertung { Kriterium = "K01", Stufe = OutOfRange(0, 7) } : new KriteriumBewertung { Kriterium = Odd() } },
            }).ResponseAsync),
            5 => new("unknown enum in Onlinedienst details", Invalid, () => client.SetOnlinedienstDetailsAsync(new SetOnlinedienstDetailsRequest
            {
                OnlinedienstId = id, RequestId = NewRequestId(),
                Details = new OnlinedienstDetails
                {
                    MindestVertrauensniveau = (Vertrauensniveau)OutOfRange(0, 4),
                    Zustellwege = { (Zustellweg)OutOfRange(1, 2) },
                    Basiskomponenten = { (Basiskomponente)OutOfRange(1, 6) },
                },
            }).ResponseAsync),
            6 => new("bad Einsatzgebiet", Invalid, () => client.SetOnlinedienstEinsatzgebietAsync(new SetOnlinedienstEinsatzgebietRequest
            {
                OnlinedienstId = id, RequestId = NewRequestId(), Einsatzgebiet = { new EinsatzImLand { Land = random.Next(2) == 0 ? Odd() : "NW", Kommunen = { Odd() } } },
            }).ResponseAsync),
            7 => new("Zielstufe out of range", Invalid, () => client.GetReifegradBlockerAsync(new GetReifegradBlockerRequest
            {
                OnlinedienstId = id, LeikaKey = "99001001000000", Modell = ReifegradModell.V20, Zielstufe = OutOfRange(0, 7),
            }).ResponseAsync),
            8 => new("bad Onlinedienst list", Invalid, () => client.ListOnlinediensteAsync(random.Next(2) == 0
                ? new ListOnlinediensteRequest { PageToken = Odd() + "o" }
                : new ListOnlinediensteRequest { Vertrauensniveau = (Vertrauensniveau)OutOfRange(0, 4) }).ResponseAsync),
            9 => new("Leistung blockers: bad ozg_id or Zielstufe", Invalid, () => new ReifegradService.ReifegradServiceClient(management)
                .GetLeistungReifegradBlockerAsync(random.Next(2) == 0
                    ? new GetLeistungReifegradBlockerRequest { OzgId = -random.Next(1, 1000), Modell = ReifegradModell.V11, Zielstufe = 2 }
                    : new GetLeistungReifegradBlockerRequest { OzgId = 10000, Modell = ReifegradModell.V11, Zielstufe = OutOfRange(0, 4) }).ResponseAsync),
            10 => new("programme blockers: unknown model or Zielstufe", Invalid, () => new ReifegradService.ReifegradServiceClient(management)
                .GetProgrammeReifegradBlockerAsync(random.Next(2) == 0
                    ? new GetProgrammeReifegradBlockerRequest { Modell = (ReifegradModell)OutOfRange(1, 2), Zielstufe = 1 }
                    : new GetProgrammeReifegradBlockerRequest { Modell = ReifegradModell.V20, Zielstufe = OutOfRange(0, 7) }).ResponseAsync),
            _ => new("monitoring rates an Onlinedienst", Refused, () => new OnlinedienstService.OnlinedienstServiceClient(monitoring)
                .RateOnlinedienstLeistungAsync(new RateOnlinedienstLeistungRequest { OnlinedienstId = id, RequestId = NewRequestId(), LeikaKey = "99001001000000", Modell = ReifegradModell.V11, Kriterien = { kriterium } }).ResponseAsync),
        };
    }
}
