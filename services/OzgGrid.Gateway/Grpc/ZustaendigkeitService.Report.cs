using System.Globalization;
using Grpc.Core;
using OzgGrid.Gateway.Monitoring;
using OzgGrid.Gateway.Reports;
using OzgGrid.Grains.Abstractions.Kommunen;
using OzgGrid.Grains.Abstractions.Leistungen;
using OzgGrid.Grains.Abstractions.ProgrammeManagement;
using OzgGrid.Grains.Abstractions.Rollout;
using OzgGrid.Protos.V1;

namespace OzgGrid.Gateway.Grpc;

/// <summary>The Zuständigkeit report: the Zuständigkeitsebene and the responsible Kommunen per Land of every Leistung that has them.</summary>
public sealed partial class ZustaendigkeitService
{
    public override async Task<ExportZustaendigkeitReportResponse> ExportZustaendigkeitReport(ExportZustaendigkeitReportRequest request, ServerCallContext context)
    {
        var format = ReportFile.Requested(request.Format);

        // The indexes name the records; the records are the truth (an index may name one whose write failed half-way).
        var mitEbene = await grains.GetGrain<IIdSetGrain>(IdSets.WithZustaendigkeitsebene).GetAsync();
        var mitKommunen = (await grains.GetGrain<IIdSetGrain>(IdSets.WithZustaendigenKommunen).GetAsync()).Select(RolloutKeys.Parse).ToList();
        var kommunen = await Task.WhenAll(mitKommunen.Select(async key => (key.OzgId, Land: key.Part, Recorded: await LandRollout(key.OzgId, key.Part).GetZustaendigeKommunenAsync())));
        var laender = kommunen
            .Where(k => k.Recorded is not null)
            .ToLookup(k => k.OzgId, k => (k.Land, k.Recorded!));
        var ozgIds = mitEbene.Select(id => int.Parse(id, CultureInfo.InvariantCulture)).Concat(laender.Select(l => l.Key)).Distinct().Order().ToList();

        var leistungen = await Task.WhenAll(ozgIds.Select(async ozgId =>
        {
            var steckbrief = await Steckbrief(ozgId).GetAsync();
            var summary = await grains.GetGrain<ILeistungGrain>(ozgId).GetSummaryAsync();
            return new ZustaendigkeitReportLeistung(ozgId, summary?.Name ?? string.Empty, steckbrief?.Body.Ebenen.ToList() ?? [], [.. laender[ozgId]]);
        }));
        var registers = (await Task.WhenAll(laender.SelectMany(l => l).Where(l => l.Item2.Body.Art == Grains.Abstractions.Rollout.ZustaendigeKommunenArt.Liste).Select(l => l.Land).Distinct()
                .Select(async land => (Land: land, Register: await grains.GetGrain<IKommunenRegisterGrain>(land).GetAsync()))))
            .ToDictionary(r => r.Land, r => r.Register);

        var (fileName, csv) = ZustaendigkeitReportCsv.Write(
            leistungen.Where(l => l.Ebenen.Count > 0 || l.Laender.Count > 0),
            (land, ags) => registers.GetValueOrDefault(land)?.Kommunen.GetValueOrDefault(ags)?.Name ?? string.Empty,
            DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime));
        var report = ReportFile.As(format, fileName, csv);
        return new ExportZustaendigkeitReportResponse { FileName = report.FileName, Csv = report.Csv, Xlsx = report.Xlsx };
    }
}
