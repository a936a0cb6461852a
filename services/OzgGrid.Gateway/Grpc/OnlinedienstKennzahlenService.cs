using Grpc.Core;
using OzgGrid.Gateway.Kennzahlen;
using OzgGrid.Gateway.Reports;
using OzgGrid.Grains.Abstractions.Reifegradmodelle;
using OzgGrid.Grains.ProgrammeManagement;
using OzgGrid.Protos.V1;

namespace OzgGrid.Gateway.Grpc;

/// <summary>
/// The figures of the Onlinedienste, Umsetzungsprojekte and Steckbriefe (FIM, Zuständigkeitsebene), counted from the
/// records at each call (so a change is in the next answer), and their report. The kinds of record are read side by
/// side, a page's worth at a time.
/// </summary>
public sealed class OnlinedienstKennzahlenService(IGrainFactory grains, ReifegradModelle modelle, ProgrammeClock clock)
    : Protos.V1.OnlinedienstKennzahlenService.OnlinedienstKennzahlenServiceBase
{
    public override Task<GetOnlinedienstKennzahlenResponse> GetOnlinedienstKennzahlen(GetOnlinedienstKennzahlenRequest request, ServerCallContext context) =>
        CountAsync();

    public override async Task<ExportOnlinedienstKennzahlenReportResponse> ExportOnlinedienstKennzahlenReport(
        ExportOnlinedienstKennzahlenReportRequest request, ServerCallContext context)
    {
        var format = ReportFile.Requested(request.Format);
        var (fileName, csv) = OnlinedienstKennzahlenReportCsv.Write(await CountAsync(), clock.Today);
        var report = ReportFile.As(format, fileName, csv);
        return new ExportOnlinedienstKennzahlenReportResponse { FileName = report.FileName, Csv = report.Csv, Xlsx = report.Xlsx };
    }

    private async Task<GetOnlinedienstKennzahlenResponse> CountAsync()
    {
        var dienste = AllRecords.OnlinediensteAsync(grains);
        var projekte = AllRecords.UmsetzungsprojekteAsync(grains);
        var steckbriefe = AllRecords.SteckbriefeAsync(grains);
        return OnlinedienstKennzahlenZaehlung.Count(await dienste, await projekte, await steckbriefe, modelle);
    }
}
