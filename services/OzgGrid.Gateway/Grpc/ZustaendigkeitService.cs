using System.Collections.Immutable;
using System.Globalization;
using Grpc.Core;
using OzgGrid.Gateway.Identity;
using OzgGrid.Gateway.Mapping;
using OzgGrid.Gateway.Monitoring;
using OzgGrid.Gateway.Reports;
using OzgGrid.Gateway.Validation;
using OzgGrid.Grains.Abstractions.Leistungen;
using OzgGrid.Grains.Abstractions.ProgrammeManagement;
using OzgGrid.Grains.Abstractions.Rollout;
using Domain = OzgGrid.Grains.Abstractions.Steckbrief;
using OzgGrid.Protos.V1;

namespace OzgGrid.Gateway.Grpc;

/// <summary>Zuständigkeitsebene and FIM status (the Leistung's Steckbrief) and the responsible Kommunen per Land (its Land rollout).</summary>
public sealed partial class ZustaendigkeitService(IGrainFactory grains, TimeProvider time) : Protos.V1.ZustaendigkeitService.ZustaendigkeitServiceBase
{
    public override async Task<SetZustaendigkeitsebeneResponse> SetZustaendigkeitsebene(SetZustaendigkeitsebeneRequest request, ServerCallContext context)
    {
        var ozgId = RequestGuard.OzgId(request.OzgId);
        var ebenen = SteckbriefGuard.Ebenen(request.Ebenen, "ebenen");
        var command = await context.WriteCommandAsync(grains, request.RequestId, request.HasExpectedVersion ? request.ExpectedVersion : null);
        var written = await Steckbrief(ozgId).SetEbenenAsync(command, ebenen);
        return new SetZustaendigkeitsebeneResponse { Steckbrief = written.MapToProto(ozgId) };
    }

    public override async Task<SetFimStatusResponse> SetFimStatus(SetFimStatusRequest request, ServerCallContext context)
    {
        var ozgId = RequestGuard.OzgId(request.OzgId);
        var (baustein, eintrag) = SteckbriefGuard.Fim(request.Eintrag, "eintrag");
        var command = await context.WriteCommandAsync(grains, request.RequestId, request.HasExpectedVersion ? request.ExpectedVersion : null);
        var written = await Steckbrief(ozgId).SetFimAsync(command, baustein, eintrag);
        return new SetFimStatusResponse { Steckbrief = written.MapToProto(ozgId) };
    }

    public override async Task<GetSteckbriefResponse> GetSteckbrief(GetSteckbriefRequest request, ServerCallContext context)
    {
        var ozgId = RequestGuard.OzgId(request.OzgId);
        return new GetSteckbriefResponse { Steckbrief = (await Steckbrief(ozgId).GetAsync()).MapToProto(ozgId) };
    }

    public override async Task<ListLeistungenByFimStatusResponse> ListLeistungenByFimStatus(ListLeistungenByFimStatusRequest request, ServerCallContext context)
    {
        var status = request.Status.MapToDomain("status");
        Domain.FimBaustein? baustein = request.Baustein == FimBaustein.Unspecified ? null : request.Baustein.MapToDomain("baustein");

        // The Steckbrief is the truth: the index may name a Leistung whose write failed half-way.
        var steckbriefe = await SteckbriefeAsync([status]);
        return new ListLeistungenByFimStatusResponse
        {
            Steckbriefe =
            {
                steckbriefe
                    .Where(s => s.Body.Fim.Any(f => f.Value.Status == status && (baustein is null || f.Key == baustein)))
                    .Select(s => s.MapToProto(s.Body.OzgId)),
            },
        };
    }

    public override async Task<ExportFimReportResponse> ExportFimReport(ExportFimReportRequest request, ServerCallContext context)
    {
        var format = ReportFile.Requested(request.Format);
        var steckbriefe = await SteckbriefeAsync(Enum.GetValues<Domain.FimStatus>());
        var names = await Task.WhenAll(steckbriefe.Select(s => grains.GetGrain<ILeistungGrain>(s.Body.OzgId).GetSummaryAsync()));
        var rows = steckbriefe.Zip(names, (steckbrief, summary) => (summary?.Name ?? string.Empty, steckbrief)).Where(row => !row.steckbrief.Body.Fim.IsEmpty);
        var (fileName, csv) = FimReportCsv.Write(rows, DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime));
        var report = ReportFile.As(format, fileName, csv);
        return new ExportFimReportResponse { FileName = report.FileName, Csv = report.Csv, Xlsx = report.Xlsx };
    }

    public override async Task<SetZustaendigeKommunenResponse> SetZustaendigeKommunen(SetZustaendigeKommunenRequest request, ServerCallContext context)
    {
        var ozgId = RequestGuard.OzgId(request.OzgId);
        var land = RequestGuard.Land(request.Land, "land");
        var zustaendige = SteckbriefGuard.Zustaendige(request.Art, request.Ags, land);
        var command = await context.WriteCommandAsync(grains, request.RequestId, request.HasExpectedVersion ? request.ExpectedVersion : null);
        var written = await LandRollout(ozgId, land).SetZustaendigeKommunenAsync(command, zustaendige);
        return new SetZustaendigeKommunenResponse { ZustaendigeKommunen = written.MapToProto(ozgId, land) };
    }

    public override async Task<GetZustaendigeKommunenResponse> GetZustaendigeKommunen(GetZustaendigeKommunenRequest request, ServerCallContext context)
    {
        var ozgId = RequestGuard.OzgId(request.OzgId);
        var land = RequestGuard.Land(request.Land, "land");
        return new GetZustaendigeKommunenResponse { ZustaendigeKommunen = (await LandRollout(ozgId, land).GetZustaendigeKommunenAsync()).MapToProto(ozgId, land) };
    }

    /// <summary>The Steckbriefe the indexes of these statuses name, ordered by OZG-ID.</summary>
    private async Task<ImmutableArray<Recorded<Domain.LeistungSteckbrief>>> SteckbriefeAsync(IEnumerable<Domain.FimStatus> statuses)
    {
        var indexes = await Task.WhenAll(statuses.Select(s => grains.GetGrain<IIdSetGrain>(IdSets.WithFimStatus(s)).GetAsync()));
        var ozgIds = indexes.SelectMany(ids => ids).Select(id => int.Parse(id, CultureInfo.InvariantCulture)).Distinct().Order();
        var read = await Task.WhenAll(ozgIds.Select(id => Steckbrief(id).GetAsync()));
        return [.. read.OfType<Recorded<Domain.LeistungSteckbrief>>()];
    }

    private Domain.ILeistungSteckbriefGrain Steckbrief(int ozgId) => grains.GetGrain<Domain.ILeistungSteckbriefGrain>(ozgId);

    private ILandRolloutGrain LandRollout(int ozgId, string land) => grains.GetGrain<ILandRolloutGrain>(RolloutKeys.Land(ozgId, land));
}
