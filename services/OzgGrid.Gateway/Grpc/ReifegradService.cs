using Grpc.Core;
using OzgGrid.Gateway.Mapping;
using OzgGrid.Gateway.Validation;
using OzgGrid.Grains.Abstractions.Onlinedienste;
using Domain = OzgGrid.Grains.Abstractions.Onlinedienste;
using OzgGrid.Grains.Abstractions.ProgrammeManagement;
using OzgGrid.Grains.Abstractions.Reifegradmodelle;
using OzgGrid.Protos.V1;

namespace OzgGrid.Gateway.Grpc;

/// <summary>What holds one Leistung, or the programme's Leistungen, below a level (<see cref="ReifegradBlockerAuswertung"/>).</summary>
public sealed class ReifegradService(IGrainFactory grains, ReifegradModelle modelle) : Protos.V1.ReifegradService.ReifegradServiceBase
{
    public override async Task<GetLeistungReifegradBlockerResponse> GetLeistungReifegradBlocker(GetLeistungReifegradBlockerRequest request, ServerCallContext context)
    {
        var ozgId = RequestGuard.OzgId(request.OzgId);
        var modell = modelle[request.Modell.MapToDomain("modell")];
        var zielstufe = OnlinedienstGuard.Zielstufe(modell, request.Zielstufe);
        await CatalogGuard.RequireLeistungAsync(grains, ozgId);
        var dienste = await ReadAsync(await grains.GetGrain<IIdSetGrain>(IdSets.OnlinediensteOf(ozgId)).GetAsync());
        return new GetLeistungReifegradBlockerResponse { Paare = { ReifegradBlockerAuswertung.Paare(modell, zielstufe, ozgId, dienste).Select(p => p.MapToProto()) } };
    }

    public override async Task<GetProgrammeReifegradBlockerResponse> GetProgrammeReifegradBlocker(GetProgrammeReifegradBlockerRequest request, ServerCallContext context)
    {
        var modell = modelle[request.Modell.MapToDomain("modell")];
        var zielstufe = OnlinedienstGuard.Zielstufe(modell, request.Zielstufe);
        var dienste = await ReadAsync(await grains.GetGrain<IIdSetGrain>(IdSets.Onlinedienste).GetAsync());
        return ReifegradBlockerAuswertung.Programme(modell, zielstufe, dienste).MapToProto(modell, zielstufe);
    }

    private Task<List<Domain.Onlinedienst>> ReadAsync(IEnumerable<string> ids) => OnlinedienstReads.ReadAsync(grains, ids);
}
