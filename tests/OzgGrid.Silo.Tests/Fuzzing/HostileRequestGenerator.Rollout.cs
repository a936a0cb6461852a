using Grpc.Core;
using Grpc.Net.Client;
using OzgGrid.Protos.V1;
using OzgGrid.Silo.Tests.Hosting;

namespace OzgGrid.Silo.Tests.Fuzzing;

/// <summary>
/// Hostile requests of the rollout API (the Verfügbarkeit a Go-Live brings) and of one Kommune's checklist: odd AGS,
/// Verfügbarkeit and OZG-IDs, batches too large or empty, a reporter without the role, odd reads.
/// </summary>
public sealed partial class HostileRequestGenerator
{
    private RolloutService.RolloutServiceClient Rollout(GrpcChannel? channel = null) => new(channel ?? management);

    /// <summary>Each report is refused whatever the Leistung: KEINE at Reifegrad 0 would be a valid report of a registered Kommune.</summary>
    private HostileRequest BadRollout() => random.Next(7) switch
    {
        0 => Report("rollout of a malformed AGS", Invalid, AnyOzgId(), Odd() + "x", KommuneVerfuegbarkeit.Keine),
        1 => Report("rollout of an AGS in no register", InvalidOrMissing, AnyOzgId(), random.Next(2) == 0 ? "05999999" : "17000000", KommuneVerfuegbarkeit.Keine),
        2 => Report("rollout with an unknown Verfügbarkeit", Invalid, AnyOzgId(), ShippedRegister.Ags("NW", 1),
            (KommuneVerfuegbarkeit)(random.Next(2) == 0 ? 0 : OutOfRange(0, 3))),
        3 => Report("rollout of a bad OZG-ID", InvalidOrMissing, OutOfRange(1, 100_000), ShippedRegister.Ags("NW", 1), KommuneVerfuegbarkeit.Keine),
        4 => new("rollout batch empty or over 1,000 entries", Invalid, () => Rollout().ReportRolloutsAsync(new ReportRolloutsRequest
        {
            RequestId = NewRequestId(),
            Entries =
            {
                Enumerable.Range(0, random.Next(2) == 0 ? 0 : 1_001 + random.Next(100)).Select(i => new RolloutReport
                {
                    OzgId = AnyOzgId(), Ags = ShippedRegister.Ags("NW", 1 + (i % 300)), Verfuegbarkeit = KommuneVerfuegbarkeit.Keine,
                }),
            },
        }).ResponseAsync),
        5 => new("rollout reported by monitoring", Refused, () => Rollout(monitoring).ReportRolloutAsync(new ReportRolloutRequest
        {
            RequestId = NewRequestId(), Report = new RolloutReport { OzgId = AnyOzgId(), Ags = ShippedRegister.Ags("NW", 1), Verfuegbarkeit = KommuneVerfuegbarkeit.Keine },
        }).ResponseAsync),
        _ => new("rollout read of an odd Land or page", Invalid, () => Rollout(monitoring).GetRolloutAsync(random.Next(2) == 0
            ? new GetRolloutRequest { OzgId = AnyOzgId(), Land = Odd() is { Length: > 0 } land ? land + "X" : "XX" }
            : new GetRolloutRequest { OzgId = AnyOzgId(), Land = "NW", PageToken = "x" + Odd() }).ResponseAsync),
    };

    private HostileRequest BadChecklistRead() => random.Next(2) == 0
        ? new("checklist of a malformed AGS", Invalid, () => Anschluss(monitoring).GetAnschlussAsync(
            new GetAnschlussRequest { OnlinedienstId = "od-hostile", Ags = Odd() + "0" }).ResponseAsync)
        : new("checklist of an odd Onlinedienst id", Invalid, () => Anschluss(monitoring).GetAnschlussAsync(
            new GetAnschlussRequest { OnlinedienstId = Odd() is { Length: > 0 } id ? id + " /" : string.Empty, Ags = ShippedRegister.Ags("NW", 1) }).ResponseAsync);

    private HostileRequest Report(string kind, StatusCode[] acceptable, int ozgId, string ags, KommuneVerfuegbarkeit verfuegbarkeit) =>
        new(kind, acceptable, () => Rollout().ReportRolloutAsync(new ReportRolloutRequest
        {
            RequestId = NewRequestId(), Report = new RolloutReport { OzgId = ozgId, Ags = ags, Verfuegbarkeit = verfuegbarkeit },
        }).ResponseAsync);
}
