using Grpc.Core;
using OzgGrid.Gateway.Monitoring;
using OzgGrid.Gateway.Reports;
using OzgGrid.Gateway.Validation;
using OzgGrid.Grains.Abstractions.ProgrammeManagement;
using OzgGrid.Protos.V1;
using Domain = OzgGrid.Grains.Abstractions.Onlinedienste;

namespace OzgGrid.Gateway.Grpc;

/// <summary>The Onlinedienste × LeiKa-Leistungen report of the Berichtswesen.</summary>
public sealed partial class OnlinedienstService
{
    public override async Task<ExportOnlinedienstReportResponse> ExportOnlinedienstReport(ExportOnlinedienstReportRequest request, ServerCallContext context)
    {
        var format = ReportFile.Requested(request.Format);
        var ids = await grains.GetGrain<IIdSetGrain>(IdSets.Onlinedienste).GetAsync();
        var dienste = new List<Domain.Onlinedienst>(ids.Count);

        // In batches: at most Limits.Onlinedienste records, read without asking all at once.
        foreach (var batch in ids.Chunk(RequestGuard.MaxPageSize))
        {
            var read = await Task.WhenAll(batch.Select(id => grains.GetGrain<Domain.IOnlinedienstGrain>(id).GetAsync()));
            dienste.AddRange(read.Select(r => r.Body));
        }

        var (fileName, csv) = OnlinedienstReportCsv.Write(dienste, modelle, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime));
        var report = ReportFile.As(format, fileName, csv);
        return new ExportOnlinedienstReportResponse { FileName = report.FileName, Csv = report.Csv, Xlsx = report.Xlsx };
    }
}
