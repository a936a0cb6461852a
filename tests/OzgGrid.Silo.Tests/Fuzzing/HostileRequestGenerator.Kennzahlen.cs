using OzgGrid.Protos.V1;

namespace OzgGrid.Silo.Tests.Fuzzing;

/// <summary>Hostile requests of the Onlinedienst figures: a report format this version does not know, a read without a token.</summary>
public sealed partial class HostileRequestGenerator
{
    private HostileRequest BadKennzahlen() => random.Next(2) == 0
        ? new("unknown format of the Onlinedienst figures report", Invalid, () => new OnlinedienstKennzahlenService.OnlinedienstKennzahlenServiceClient(monitoring)
            .ExportOnlinedienstKennzahlenReportAsync(new ExportOnlinedienstKennzahlenReportRequest { Format = (ReportFormat)OutOfRange(0, 2) }).ResponseAsync)
        : new("Onlinedienst figures without a token", NoToken, () => new OnlinedienstKennzahlenService.OnlinedienstKennzahlenServiceClient(anonymous)
            .GetOnlinedienstKennzahlenAsync(new GetOnlinedienstKennzahlenRequest()).ResponseAsync);
}
