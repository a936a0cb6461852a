using Grpc.Core;
using OzgGrid.Gateway.Monitoring;
using OzgGrid.Gateway.Nutzung;
using OzgGrid.Gateway.Reports;
using OzgGrid.Gateway.Validation;
using OzgGrid.Grains.Abstractions.Kommunen;
using OzgGrid.Grains.Abstractions.Laender;
using OzgGrid.Grains.Abstractions.Nutzung;
using OzgGrid.Grains.Abstractions.ProgrammeManagement;
using OzgGrid.Protos.V1;

namespace OzgGrid.Gateway.Grpc;

/// <summary>
/// The Berichtswesen's usage report of one Land or of all: a year's usage records, a retired Kommune's figures counted
/// as its successor's (as GetNutzung counts them), or the findings as ListNutzungsBefunde lists them.
/// </summary>
public sealed partial class NutzungService
{
    public override async Task<ExportNutzungReportResponse> ExportNutzungReport(ExportNutzungReportRequest request, ServerCallContext context)
    {
        var laender = request.Land.Length == 0 ? LaenderRegister.All.Select(l => l.Kuerzel).ToList() : [RequestGuard.Land(request.Land, "land")];
        var teil = request.Teil is NutzungReportTeil.Monate or NutzungReportTeil.Befunde
            ? request.Teil
            : throw RequestGuard.Invalid("teil", "Required: NUTZUNG_REPORT_TEIL_MONATE or NUTZUNG_REPORT_TEIL_BEFUNDE.");
        var jahr = NutzungGuard.Jahr(request.Jahr, Monat.Von(clock.Now));
        var format = ReportFile.Requested(request.Format);
        var csv = new NutzungReportCsv();
        foreach (var land in laender)
        {
            if (teil == NutzungReportTeil.Befunde)
            {
                csv.Befunde(await grains.GetGrain<INutzungLandGrain>(land).GetBefundeAsync());
                continue;
            }

            var dienste = (await grains.GetGrain<IIdSetGrain>(NutzungKeys.Onlinedienste(land)).GetAsync()).Order(StringComparer.Ordinal).ToList();
            var records = await NutzungRecords.ReadAsync(grains, dienste.Select(id => NutzungKeys.Record(id, land, jahr)));
            var successors = (await grains.GetGrain<IKommunenRegisterGrain>(land).GetAsync()).Successors();
            foreach (var record in records)
            {
                csv.Monate(record, successors);
            }
        }

        var was = teil == NutzungReportTeil.Monate ? $"monate-{jahr}" : "befunde";
        var name = $"ozg-nutzung-{was}-{(request.Land.Length == 0 ? "alle" : laender[0])}-{clock.Today:yyyy-MM-dd}.csv";
        var report = ReportFile.As(format, name, csv.Write(teil));
        return new ExportNutzungReportResponse { FileName = report.FileName, Csv = report.Csv, Xlsx = report.Xlsx };
    }
}
