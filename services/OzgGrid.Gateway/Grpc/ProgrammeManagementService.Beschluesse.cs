using Grpc.Core;
using OzgGrid.Gateway.Mapping;
using OzgGrid.Gateway.Validation;
using OzgGrid.Grains.Abstractions.Beschluesse;
using OzgGrid.Grains.Abstractions.Nachnutzung;
using OzgGrid.Grains.Abstractions.ProgrammeManagement;
using OzgGrid.Protos.V1;
using Domain = OzgGrid.Grains.Abstractions;

namespace OzgGrid.Gateway.Grpc;

/// <summary>Beschlüsse, milestones and the Leistungen overdue against them.</summary>
public sealed partial class ProgrammeManagementService
{
    public override async Task<RecordBeschlussResponse> RecordBeschluss(RecordBeschlussRequest request, ServerCallContext context)
    {
        var beschluss = request.MapToDomain();
        var command = await CommandAsync(context, request.RequestId, request.HasExpectedVersion ? request.ExpectedVersion : null);
        return new RecordBeschlussResponse { Beschluss = (await grains.GetGrain<IBeschlussGrain>(beschluss.Nummer).RecordAsync(command, beschluss)).MapToProto() };
    }

    public override async Task<GetBeschlussResponse> GetBeschluss(GetBeschlussRequest request, ServerCallContext context) =>
        new() { Beschluss = (await Beschluss(request.Nummer, "nummer").GetAsync()).MapToProto() };

    public override async Task<ListBeschluesseResponse> ListBeschluesse(ListBeschluesseRequest request, ServerCallContext context)
    {
        var pageSize = RequestGuard.PageSize(request.PageSize);
        var offset = (int)Math.Min(PageToken.Decode(request.PageToken, BeschluesseList) ?? 0, int.MaxValue);
        var nummern = await grains.GetGrain<IIdSetGrain>(IdSets.Beschluesse).GetAsync();
        var page = nummern.Skip(offset).Take(pageSize).ToList();
        var beschluesse = await Task.WhenAll(page.Select(nummer => grains.GetGrain<IBeschlussGrain>(nummer).GetAsync()));
        return new ListBeschluesseResponse
        {
            Beschluesse = { beschluesse.Select(b => b.MapToProto()) },
            NextPageToken = offset + page.Count < nummern.Count ? PageToken.Encode(BeschluesseList, offset + page.Count) : string.Empty,
        };
    }

    public override async Task<SetMeilensteinResponse> SetMeilenstein(SetMeilensteinRequest request, ServerCallContext context)
    {
        var termine = Termine(request.OzgId);
        var phase = request.Phase.MapToDomain("phase");
        var land = ProgrammeGuard.OptionalLand(request.Land, "land");
        var geplant = ProgrammeGuard.Date(request.PlannedDate, "planned_date");
        if (request.Beschluss.Length > 0)
        {
            // A milestone naming a Beschluss carries it out: the Beschluss must be recorded.
            await Beschluss(request.Beschluss, "beschluss").GetAsync();
        }

        var command = await CommandAsync(context, request.RequestId, request.HasExpectedVersion ? request.ExpectedVersion : null);
        var recorded = await termine.SetMeilensteinAsync(command, new Domain.Termine.Meilenstein(phase, land, geplant, request.Beschluss));
        return new SetMeilensteinResponse { Meilensteine = recorded.MapToProto() };
    }

    public override async Task<GetMeilensteineResponse> GetMeilensteine(GetMeilensteineRequest request, ServerCallContext context) =>
        new() { Meilensteine = (await Termine(request.OzgId).GetAsync()).MapToProto() };

    public override async Task<ListUeberfaelligeLeistungenResponse> ListUeberfaelligeLeistungen(
        ListUeberfaelligeLeistungenRequest request, ServerCallContext context)
    {
        int? themenfeldId = request.HasThemenfeldId ? RequestGuard.ThemenfeldId(request.ThemenfeldId) : null;
        var land = ProgrammeGuard.OptionalLand(request.Land, "land");
        var beschluss = request.Beschluss.Length == 0 ? string.Empty : ProgrammeGuard.BeschlussNummer(request.Beschluss, "beschluss");
        if (themenfeldId is { } known)
        {
            await CatalogGuard.RequireThemenfeldAsync(grains, known);
        }

        var figures = Figures();
        var overdue = await figures.GetUeberfaelligeAsync();
        var snapshot = await figures.GetSnapshotAsync();
        var response = new ListUeberfaelligeLeistungenResponse
        {
            Leistungen =
            {
                overdue.Where(u => (themenfeldId is null || u.ThemenfeldId == themenfeldId)
                        && (land.Length == 0 || u.Meilensteine.Any(m => m.Land == land))
                        && (beschluss.Length == 0 || u.Meilensteine.Any(m => m.Beschluss == beschluss)))
                    .Select(u => u.MapToProto()),
            },
        };
        foreach (var (key, value) in snapshot.Figures)
        {
            if (TryAfter(key, ProgrammeFigureKeys.UeberfaelligThemenfeld(0)[..^1], out var id) && int.TryParse(id, out var themenfeld))
            {
                response.PerThemenfeld[themenfeld] = value;
            }
            else if (TryAfter(key, ProgrammeFigureKeys.UeberfaelligLand(string.Empty), out var kuerzel))
            {
                response.PerLand[kuerzel] = value;
            }
            else if (TryAfter(key, ProgrammeFigureKeys.UeberfaelligBeschluss(string.Empty), out var nummer))
            {
                response.PerBeschluss[nummer] = value;
            }
        }

        return response;
    }

    private static bool TryAfter(string key, string prefix, out string rest)
    {
        rest = key.StartsWith(prefix, StringComparison.Ordinal) ? key[prefix.Length..] : string.Empty;
        return rest.Length > 0;
    }
}
