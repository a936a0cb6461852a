using System.Globalization;
using Grpc.Core;
using Grpc.Net.Client;
using OzgGrid.Gateway.Validation;
using OzgGrid.Grains.Abstractions.Nutzung;
using OzgGrid.Protos.V1;
using OzgGrid.Silo.Tests.Hosting;

namespace OzgGrid.Silo.Tests.Fuzzing;

/// <summary>
/// Hostile requests of the usage API: odd rows (AGS, month, count, id), odd ranges and Länder, wrong callers, an import
/// streamed without a token, odd reports.
/// </summary>
public sealed partial class HostileRequestGenerator
{
    private NutzungService.NutzungServiceClient Nutzung(GrpcChannel? channel = null) => new(channel ?? management);

    private static string MonthsAgo(int months) => DateTime.UtcNow.AddMonths(-months).ToString("yyyy-MM", CultureInfo.InvariantCulture);

    private HostileRequest BadNutzung() => random.Next(12) switch
    {
        0 => Rows("odd AGS in a usage row", Invalid, new NutzungRow { OnlinedienstId = "od-hostile", Ags = Odd(), Monat = MonthsAgo(1) }),
        1 => Rows("usage of a future month", Invalid, new NutzungRow { OnlinedienstId = "od-hostile", Ags = "05315000", Monat = MonthsAgo(-1 - random.Next(100)) }),
        2 => Rows("negative usage, or too much to add up", Invalid, new NutzungRow
        {
            OnlinedienstId = "od-hostile", Ags = "05315000", Monat = MonthsAgo(1),
            Transaktionen = random.Next(2) == 0 ? -1 - random.Next(1000) : random.NextInt64(NutzungGuard.MaxTransaktionen + 1, long.MaxValue),
        }),
        3 => Rows("odd usage month", Invalid, new NutzungRow { OnlinedienstId = "od-hostile", Ags = "05315000", Monat = random.Next(2) == 0 ? Odd() : "2016-12" }),
        4 => Rows("odd Onlinedienst in a usage row", InvalidOrMissing, new NutzungRow { OnlinedienstId = Odd(), Ags = "05315000", Monat = MonthsAgo(1) }),
        5 => new("usage read of an odd range or Land", Invalid, () => Nutzung(monitoring).GetNutzungAsync(random.Next(3) switch
        {
            0 => new GetNutzungRequest { Land = Odd(), From = MonthsAgo(2), To = MonthsAgo(1) },
            1 => new GetNutzungRequest { Land = "NW", From = MonthsAgo(1), To = MonthsAgo(2) },
            _ => new GetNutzungRequest { Land = "NW", Kreis = Odd(), From = Odd(), To = MonthsAgo(1) },
        }).ResponseAsync),
        6 => new("usage findings of an odd Land or page", Invalid, () => Nutzung(monitoring).ListNutzungsBefundeAsync(random.Next(2) == 0
            ? new ListNutzungsBefundeRequest { Land = Odd() is { Length: > 0 } land ? land : "XX" }
            : new ListNutzungsBefundeRequest { PageToken = "x" + Odd() }).ResponseAsync),
        7 => new("usage import by monitoring", Refused, () => Nutzung(monitoring).ImportNutzungBatchAsync(
            new ImportNutzungRequest { RequestId = NewRequestId(), Rows = { Row() } }).ResponseAsync),
        8 => new("usage import with an odd request id", Invalid, () => Nutzung().ImportNutzungBatchAsync(new ImportNutzungRequest
        {
            RequestId = random.Next(2) == 0 ? string.Empty : new string('r', 200),
        }).ResponseAsync),
        10 => new("usage report of an odd Land, part or year", Invalid, () => Nutzung(monitoring).ExportNutzungReportAsync(random.Next(3) switch
        {
            0 => new ExportNutzungReportRequest { Land = Odd() is { Length: > 0 } land ? land : "XX", Teil = NutzungReportTeil.Befunde },
            1 => new ExportNutzungReportRequest { Teil = (NutzungReportTeil)(random.Next(2) == 0 ? 0 : OutOfRange(0, 2)) },
            _ => new ExportNutzungReportRequest { Land = "NW", Teil = NutzungReportTeil.Monate, Jahr = OddJahr() },
        }).ResponseAsync),
        11 => new("usage report without a token", NoToken, () => Nutzung(anonymous).ExportNutzungReportAsync(
            new ExportNutzungReportRequest { Teil = NutzungReportTeil.Befunde }).ResponseAsync),
        _ => new("usage stream without a token", NoToken, () => NutzungStream.SendAsync(Nutzung(anonymous), NewRequestId(), [Row()])),
    };

    private HostileRequest Rows(string kind, StatusCode[] acceptable, NutzungRow row) =>
        new(kind, acceptable, () => random.Next(2) == 0
            ? Nutzung().ImportNutzungBatchAsync(new ImportNutzungRequest { RequestId = NewRequestId(), Rows = { row } }).ResponseAsync
            : NutzungStream.SendAsync(Nutzung(), NewRequestId(), [row]));

    /// <summary>Before the first year of usage figures, negative, or after the current year.</summary>
    private int OddJahr() => random.Next(3) switch
    {
        0 => random.Next(1, Monat.Erster.Jahr),
        1 => -random.Next(1, int.MaxValue),
        _ => DateTime.UtcNow.Year + 1 + random.Next(1000),
    };

    private static NutzungRow Row() => new() { OnlinedienstId = "od-hostile", Ags = "05315000", Monat = MonthsAgo(1) };
}
