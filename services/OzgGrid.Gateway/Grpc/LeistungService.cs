using Grpc.Core;
using OzgGrid.Gateway.Identity;
using OzgGrid.Gateway.Mapping;
using OzgGrid.Gateway.Validation;
using OzgGrid.Grains.Abstractions.Catalog;
using OzgGrid.Grains.Abstractions.Dienstleister;
using OzgGrid.Grains.Abstractions.Leistungen;
using OzgGrid.Grains.Abstractions.Nachnutzung;
using OzgGrid.Grains.Abstractions.Termine;
using OzgGrid.Protos.V1;

namespace OzgGrid.Gateway.Grpc;

public sealed class LeistungService(IGrainFactory grains, GrainReferenceCache<ILeistungGrain> leistungen) : Protos.V1.LeistungService.LeistungServiceBase
{
    private const string LeistungenList = "leistungen";
    private const string ChangesList = "changes";

    public override async Task<ListLeistungenResponse> ListLeistungen(ListLeistungenRequest request, ServerCallContext context)
    {
        var pageSize = RequestGuard.PageSize(request.PageSize);
        var after = PageToken.Decode(request.PageToken, LeistungenList) ?? 0;
        int? themenfeldId = request.HasThemenfeldId ? RequestGuard.ThemenfeldId(request.ThemenfeldId) : null;
        var query = new LeistungQuery(themenfeldId, request.MapToFilter(), (int)after, pageSize + 1);
        if (themenfeldId is { } id)
        {
            await CatalogGuard.RequireThemenfeldAsync(grains, id);
        }

        if (query.Filter.LageId is { } lageId)
        {
            await CatalogGuard.RequireLageAsync(grains, lageId);
        }

        var page = await grains.GetGrain<ICatalogQueryGrain>(ICatalogQueryGrain.Key).QueryLeistungenAsync(query);

        // One more than the page size was asked for: it tells whether another page follows.
        var shown = page.Leistungen.Take(pageSize).ToList();
        return new ListLeistungenResponse
        {
            Leistungen = { shown.Select(l => l.MapToProto()) },
            NextPageToken = page.Leistungen.Length > pageSize ? PageToken.Encode(LeistungenList, shown[^1].OzgId) : string.Empty,
            TotalSize = page.TotalCount,
        };
    }

    /// <summary>The Leistung joined with its milestones and its EfA-Nachnutzung, which their own grains keep.</summary>
    public override async Task<GetLeistungResponse> GetLeistung(GetLeistungRequest request, ServerCallContext context)
    {
        var details = Leistung(request.OzgId).GetAsync();
        var termine = grains.GetGrain<ITermineGrain>(request.OzgId).GetAsync();
        var nachnutzung = grains.GetGrain<INachnutzungGrain>(request.OzgId).GetAsync();
        await Task.WhenAll(details, termine, nachnutzung);
        return new GetLeistungResponse
        {
            Leistung = (await details).MapToProto(),
            Fristen = (await termine).Body.MapToFristen(),
            Efa = (await nachnutzung).Body.MapToEfa(),
        };
    }

    public override async Task<ListLeistungChangesResponse> ListLeistungChanges(ListLeistungChangesRequest request, ServerCallContext context)
    {
        var pageSize = RequestGuard.PageSize(request.PageSize);
        var before = PageToken.Decode(request.PageToken, $"{ChangesList}-{request.OzgId}");
        var page = await Leistung(request.OzgId).GetChangesAsync(before, pageSize);
        return new ListLeistungChangesResponse
        {
            Changes = { page.Changes.Select(c => c.MapToProto()) },
            NextPageToken = page.NextBeforeVersion is { } next ? PageToken.Encode($"{ChangesList}-{request.OzgId}", next) : string.Empty,
        };
    }

    public override async Task<UpdateLeistungStatusResponse> UpdateLeistungStatus(UpdateLeistungStatusRequest request, ServerCallContext context)
    {
        var grain = Leistung(request.OzgId);
        var update = request.MapToDomain();
        var command = await context.WriteCommandAsync(grains, request.RequestId, request.HasExpectedVersion ? request.ExpectedVersion : null);
        var result = await grain.UpdateStatusAsync(command, update);
        return result.MapToStatusResponse();
    }

    public override async Task<SetZustaendigkeitResponse> SetZustaendigkeit(SetZustaendigkeitRequest request, ServerCallContext context)
    {
        var grain = Leistung(request.OzgId);
        var zustaendigkeit = request.Zustaendigkeit.MapToDomain();
        await EnsureRegisteredAsync(zustaendigkeit.ItDienstleister);
        var command = await context.WriteCommandAsync(grains, request.RequestId, request.HasExpectedVersion ? request.ExpectedVersion : null);
        var result = await grain.SetZustaendigkeitAsync(command, zustaendigkeit);
        return result.MapToZustaendigkeitResponse();
    }

    /// <summary>A Leistung can only be assigned to a registered IT-Dienstleister (or to none: an empty id).</summary>
    private async Task EnsureRegisteredAsync(string itDienstleister)
    {
        if (itDienstleister.Length == 0)
        {
            return;
        }

        if (!ItDienstleisterRules.IsValidId(itDienstleister) || await grains.GetGrain<IItDienstleisterGrain>(itDienstleister).FindAsync() is null)
        {
            throw RequestGuard.Invalid("zustaendigkeit.it_dienstleister",
                $"{RequestGuard.Quote(itDienstleister)} is not a registered IT-Dienstleister id; register it with RegisterItDienstleister first.");
        }
    }

    private ILeistungGrain Leistung(int ozgId) => leistungen.Get(RequestGuard.OzgId(ozgId));
}
