using Grpc.Core;
using OzgGrid.Gateway.Mapping;
using OzgGrid.Gateway.Validation;
using OzgGrid.Grains.Abstractions.ProgrammeManagement;
using OzgGrid.Protos.V1;
using Domain = OzgGrid.Grains.Abstractions.Onlinedienste;

namespace OzgGrid.Gateway.Grpc;

/// <summary>Reading Onlinedienste: one, all (paged, filtered), those of a Leistung, and what holds a pair below a level.</summary>
public sealed partial class OnlinedienstService
{
    private const string OnlinediensteList = "onlinedienste";

    public override async Task<GetOnlinedienstResponse> GetOnlinedienst(GetOnlinedienstRequest request, ServerCallContext context) =>
        new() { Onlinedienst = (await Onlinedienst(request.OnlinedienstId).GetAsync()).MapToProto(modelle) };

    public override async Task<ListOnlinediensteResponse> ListOnlinedienste(ListOnlinediensteRequest request, ServerCallContext context)
    {
        var pageSize = RequestGuard.PageSize(request.PageSize);
        var filter = Filter(request);
        var offset = (int)Math.Min(PageToken.Decode(request.PageToken, OnlinediensteList) ?? 0, int.MaxValue);
        var ids = (await grains.GetGrain<IIdSetGrain>(IdSets.Onlinedienste).GetAsync()).ToList();

        // Walks the ids in order, a page at a time, until a page of matches is full; the token says where to go on.
        var found = new List<Recorded<Domain.Onlinedienst>>();
        var next = Math.Min(offset, ids.Count);
        while (found.Count < pageSize && next < ids.Count)
        {
            var batch = ids.Skip(next).Take(pageSize - found.Count).ToList();
            var read = await Task.WhenAll(batch.Select(id => grains.GetGrain<Domain.IOnlinedienstGrain>(id).GetAsync()));
            found.AddRange(read.Where(filter));
            next += batch.Count;
        }

        return new ListOnlinediensteResponse
        {
            Onlinedienste = { found.Select(d => d.MapToProto(modelle)) },
            NextPageToken = next < ids.Count ? PageToken.Encode(OnlinediensteList, next) : string.Empty,
        };
    }

    public override async Task<ListLeistungOnlinediensteResponse> ListLeistungOnlinedienste(ListLeistungOnlinediensteRequest request, ServerCallContext context)
    {
        var ozgId = RequestGuard.OzgId(request.OzgId);

        await CatalogGuard.RequireLeistungAsync(grains, ozgId);
        var ids = await grains.GetGrain<IIdSetGrain>(IdSets.OnlinediensteOf(ozgId)).GetAsync();
        var dienste = await Task.WhenAll(ids.Select(id => grains.GetGrain<Domain.IOnlinedienstGrain>(id).GetAsync()));

        // The Onlinedienst is the truth: the index may name one whose rating write failed after the index was told.
        return new ListLeistungOnlinediensteResponse { Onlinedienste = { dienste.Where(d => d.Body.OzgIds.Contains(ozgId)).Select(d => d.MapToProto(modelle)) } };
    }

    public override async Task<GetReifegradBlockerResponse> GetReifegradBlocker(GetReifegradBlockerRequest request, ServerCallContext context)
    {
        var dienst = Onlinedienst(request.OnlinedienstId);
        var leikaKey = OnlinedienstGuard.LeikaKey(request.LeikaKey);
        var modell = modelle[request.Modell.MapToDomain("modell")];
        var zielstufe = OnlinedienstGuard.Zielstufe(modell, request.Zielstufe);
        var recorded = await dienst.GetAsync();
        var pair = recorded.Body.Leistung(leikaKey)
            ?? throw new RpcException(new Status(StatusCode.NotFound,
                $"Onlinedienst '{recorded.Body.OnlinedienstId}' implements no LeiKa-Leistung {leikaKey}; rate the pair first (RateOnlinedienstLeistung)."));
        var bewertung = modell.Version == Grains.Abstractions.Reifegradmodelle.ReifegradModellVersion.Modell11 ? pair.Bewertung11 : pair.Bewertung20;
        return modell.Blocker(bewertung, zielstufe, recorded.Body.Details.Basiskomponenten).MapToProto();
    }

    private static Func<Recorded<Domain.Onlinedienst>, bool> Filter(ListOnlinediensteRequest request)
    {
        var anbieter = request.AnbieterId.Length == 0 ? null : ProgrammeGuard.Id(request.AnbieterId, "anbieter_id");
        var hersteller = RequestGuard.Text(request.Hersteller, "hersteller", ProgrammeGuard.MaxNameLength);
        Domain.NutzerkontoArt? konto = request.Nutzerkonto == Protos.V1.NutzerkontoArt.Unspecified ? null : request.Nutzerkonto.MapToDomain("nutzerkonto");
        Domain.Vertrauensniveau? niveau = request.Vertrauensniveau == Protos.V1.Vertrauensniveau.Unspecified ? null : request.Vertrauensniveau.MapToDomain("vertrauensniveau");
        return recorded =>
        {
            var d = recorded.Body;
            return (anbieter is null || d.AnbieterId == anbieter)
                && (hersteller.Length == 0 || d.Details.Hersteller == hersteller || d.Details.Fachverfahren.Any(f => f.Hersteller == hersteller))
                && (konto is null || d.Details.Nutzerkonten.Any(k => k.Art == konto))
                && (niveau is null || d.Details.Vertrauensniveau == niveau);
        };
    }
}
