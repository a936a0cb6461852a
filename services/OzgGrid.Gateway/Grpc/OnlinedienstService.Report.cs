using Grpc.Core;
using OzgGrid.Gateway.Kennzahlen;
using OzgGrid.Gateway.Monitoring;
using OzgGrid.Gateway.Reports;
using OzgGrid.Protos.V1;

namespace OzgGrid.Gateway.Grpc;

/// <summary>The Onlinedienste × LeiKa-Leistungen report of the Berichtswesen.</summary>
public sealed partial class OnlinedienstService
{
    public override async Task<ExportOnlinedienstReportResponse> ExportOnlinedienstReport(ExportOnlinedienstReportRequest request, ServerCallContext context)
    {
        var format = ReportFile.Requested(request.Format);
        var dienste = await AllRecords.OnlinediensteAsync(grains);
        var (fileName, csv) = OnlinedienstReportCsv.Write(dienste, modelle, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime));
        var report = ReportFile.As(format, fileName, csv);
        return new ExportOnlinedienstReportResponse { FileName = report.FileName, Csv = report.Csv, Xlsx = report.Xlsx };
    }
}
