using Grpc.Core;
using OzgGrid.Gateway.Mapping;
using OzgGrid.Gateway.Monitoring;
using OzgGrid.Gateway.Reports;
using OzgGrid.Gateway.Validation;
using OzgGrid.Grains.Abstractions.ProgrammeManagement;
using OzgGrid.Grains.Abstractions.Umsetzungsprojekte;
using OzgGrid.Protos.V1;

namespace OzgGrid.Gateway.Grpc;

/// <summary>One project, the filtered list of all, the projects of a Leistung, and the CSV report by phase and status.</summary>
public sealed partial class UmsetzungsprojektService
{
    private const string ProjekteList = "umsetzungsprojekte";

    public override async Task<GetUmsetzungsprojektResponse> GetUmsetzungsprojekt(GetUmsetzungsprojektRequest request, ServerCallContext context) =>
        new() { Projekt = (await Projekt(request.ProjektId).GetAsync()).MapToProto() };

    public override async Task<ListUmsetzungsprojekteResponse> ListUmsetzungsprojekte(ListUmsetzungsprojekteRequest request, ServerCallContext context)
    {
        var pageSize = RequestGuard.PageSize(request.PageSize);
        var offset = (int)Math.Min(PageToken.Decode(request.PageToken, ProjekteList) ?? 0, int.MaxValue);
        var phase = request.Phase == Protos.V1.ProjektPhase.Unspecified ? (Grains.Abstractions.Umsetzungsprojekte.ProjektPhase?)null : UmsetzungsprojektGuard.Phase(request.Phase);
        var efaTyp = request.EfaTyp == Protos.V1.EfaTyp.Unspecified ? (Grains.Abstractions.Umsetzungsprojekte.EfaTyp?)null
            : ProgrammeEnumMapping.Defined<Grains.Abstractions.Umsetzungsprojekte.EfaTyp>((int)request.EfaTyp, "efa_typ", "EfaTyp");
        var leitung = request.Projektleitung is null ? null : await UmsetzungsprojektGuard.OrganisationAsync(grains, request.Projektleitung, "projektleitung");

        var ids = await Set(UmsetzungsprojektIdSets.Alle).GetAsync();
        var response = new ListUmsetzungsprojekteResponse { Ueberfaellig = (await Set(UmsetzungsprojektIdSets.Ueberfaellig).GetAsync()).Count };
        var next = offset;
        while (next < ids.Count && response.Projekte.Count < pageSize)
        {
            // Read a page's worth at a time; only as many matches as fit are taken, so the token points behind the last one read.
            var chunk = await IndexedRecords.ReadEachAsync(ids.Skip(next).Take(pageSize), ReadProjekt);
            foreach (var projekt in chunk)
            {
                if (response.Projekte.Count == pageSize)
                {
                    break;
                }

                next++;
                if (projekt?.Body is not { } body)
                {
                    continue;
                }

                if ((phase is null || body.Status.Phase == phase) && (!request.NurUeberfaellig || body.Status.IstUeberfaellig)
                    && (efaTyp is null || body.Definition.EfaTyp == efaTyp) && (leitung is null || body.Definition.Projektleitung == leitung))
                {
                    response.Projekte.Add(projekt.MapToProto());
                }
            }
        }

        response.NextPageToken = next < ids.Count ? PageToken.Encode(ProjekteList, next) : string.Empty;
        return response;
    }

    public override async Task<ListLeistungUmsetzungsprojekteResponse> ListLeistungUmsetzungsprojekte(
        ListLeistungUmsetzungsprojekteRequest request, ServerCallContext context)
    {
        var ozgId = RequestGuard.OzgId(request.OzgId);
        await CatalogGuard.RequireLeistungAsync(grains, ozgId);
        var ids = await Set(UmsetzungsprojektIdSets.Of(ozgId)).GetAsync();
        var projekte = await IndexedRecords.ReadAllAsync(ids, ReadProjekt, RequestGuard.MaxPageSize);

        // The project is the truth: the index may name one that no longer builds the Leistung if a write failed half-way.
        return new ListLeistungUmsetzungsprojekteResponse
        {
            Projekte = { projekte.Where(p => p.Body.Definition.OzgIds.Contains(ozgId)).Select(p => p.MapToProto()) },
        };
    }

    public override async Task<ExportUmsetzungsprojektReportResponse> ExportUmsetzungsprojektReport(
        ExportUmsetzungsprojektReportRequest request, ServerCallContext context)
    {
        var format = ReportFile.Requested(request.Format);
        var ids = await Set(UmsetzungsprojektIdSets.Alle).GetAsync();
        var projekte = await IndexedRecords.ReadAllAsync(ids, ReadProjekt, RequestGuard.MaxPageSize);
        var (fileName, csv) = UmsetzungsprojektReportCsv.Write([.. projekte.Select(p => p.Body.Status)], clock.Today);
        var report = ReportFile.As(format, fileName, csv);
        return new ExportUmsetzungsprojektReportResponse { FileName = report.FileName, Csv = report.Csv, Xlsx = report.Xlsx };
    }

    private IIdSetGrain Set(string key) => grains.GetGrain<IIdSetGrain>(key);

    private Task<Recorded<Grains.Abstractions.Umsetzungsprojekte.Umsetzungsprojekt>> ReadProjekt(string id) => grains.GetGrain<IUmsetzungsprojektGrain>(id).GetAsync();
}
