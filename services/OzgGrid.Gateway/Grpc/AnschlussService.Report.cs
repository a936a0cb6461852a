using Grpc.Core;
using OzgGrid.Gateway.Monitoring;
using OzgGrid.Gateway.Reports;
using OzgGrid.Gateway.Validation;
using OzgGrid.Grains.Abstractions.Anschluss;
using OzgGrid.Grains.Abstractions.Kommunen;
using OzgGrid.Grains.Abstractions.Laender;
using OzgGrid.Grains.Abstractions.ProgrammeManagement;
using OzgGrid.Protos.V1;
using Onlinedienst = OzgGrid.Grains.Abstractions.Onlinedienste.Onlinedienst;

namespace OzgGrid.Gateway.Grpc;

/// <summary>
/// The Berichtswesen's Anschluss report of one Land or of all: read from the same records, with the same rules, as
/// GetAnschluss, GetAnschlussFortschritt and GetAnschlussPrognose, so that the report and the API never disagree.
/// </summary>
public sealed partial class AnschlussService
{
    /// <summary>Anschluss records asked for at once.</summary>
    private const int ReportBatch = 50;

    public override async Task<ExportAnschlussReportResponse> ExportAnschlussReport(ExportAnschlussReportRequest request, ServerCallContext context)
    {
        var laender = request.Land.Length == 0 ? LaenderRegister.All.Select(l => l.Kuerzel).ToList() : [RequestGuard.Land(request.Land, "land")];
        var teil = request.Teil is AnschlussReportTeil.Checklisten or AnschlussReportTeil.Fortschritt or AnschlussReportTeil.Prognose
            ? request.Teil
            : throw RequestGuard.Invalid("teil", "Required: ANSCHLUSS_REPORT_TEIL_CHECKLISTEN, _FORTSCHRITT or _PROGNOSE.");
        var format = ReportFile.Requested(request.Format);
        var dienste = await OnlinedienstReads.ReadAsync(grains, await grains.GetGrain<IIdSetGrain>(IdSets.Onlinedienste).GetAsync());
        var today = clock.Today;
        var csv = new AnschlussReportCsv(today);
        var implementing = teil == AnschlussReportTeil.Prognose ? await ImplementingAsync(dienste) : [];
        foreach (var land in laender)
        {
            var register = await grains.GetGrain<IKommunenRegisterGrain>(land).GetAsync();
            if (teil == AnschlussReportTeil.Prognose)
            {
                (await PrognosenAsync(implementing, register)).ForEach(csv.Prognose);
                continue;
            }

            foreach (var (dienst, recorded) in await RecordsAsync(dienste, land))
            {
                var anschluss = recorded.Following(register);
                if (teil == AnschlussReportTeil.Checklisten)
                {
                    csv.Checklisten(anschluss, register);
                }
                else
                {
                    var (landStand, kreise) = Fortschritt(anschluss, Scope(dienst, register, anschluss), today);
                    csv.Fortschritt(dienst.OnlinedienstId, land, landStand, kreise);
                }
            }
        }

        var name = $"ozg-anschluss-{ReportCsv.SnakeCase(teil).Replace('_', '-')}-{(request.Land.Length == 0 ? "alle" : laender[0])}-{today:yyyy-MM-dd}.csv";
        var report = ReportFile.As(format, name, csv.Write(teil));
        return new ExportAnschlussReportResponse { FileName = report.FileName, Csv = report.Csv, Xlsx = report.Xlsx };
    }

    /// <summary>The Onlinedienste with an Anschluss record in the Land, by id, read a batch at a time.</summary>
    private async Task<List<(Onlinedienst Dienst, LandAnschluss Anschluss)>> RecordsAsync(IEnumerable<Onlinedienst> dienste, string land)
    {
        var records = new List<(Onlinedienst, LandAnschluss)>();
        foreach (var batch in dienste.OrderBy(d => d.OnlinedienstId, StringComparer.Ordinal).Chunk(ReportBatch))
        {
            var read = await Task.WhenAll(batch.Select(async dienst => (Dienst: dienst, Body: (await Anschluss(dienst.OnlinedienstId, land).GetAsync())?.Body)));
            records.AddRange(read.Where(r => r.Body is not null).Select(r => (r.Dienst, r.Body!)));
        }

        return records;
    }
}
