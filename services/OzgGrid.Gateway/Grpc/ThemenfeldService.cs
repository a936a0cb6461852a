using Grpc.Core;
using OzgGrid.Gateway.Identity;
using OzgGrid.Gateway.Mapping;
using OzgGrid.Gateway.Validation;
using OzgGrid.Grains.Abstractions.Catalog;
using OzgGrid.Grains.Abstractions.Themenfelder;
using OzgGrid.Protos.V1;

namespace OzgGrid.Gateway.Grpc;

public sealed class ThemenfeldService(IGrainFactory grains) : Protos.V1.ThemenfeldService.ThemenfeldServiceBase
{
    public override async Task<ListThemenfelderResponse> ListThemenfelder(ListThemenfelderRequest request, ServerCallContext context)
    {
        var themenfelder = await grains.GetGrain<ICatalogQueryGrain>(ICatalogQueryGrain.Key).ListThemenfelderAsync();
        return new ListThemenfelderResponse { Themenfelder = { themenfelder.Select(t => t.MapToProto()) } };
    }

    public override async Task<GetThemenfeldResponse> GetThemenfeld(GetThemenfeldRequest request, ServerCallContext context)
    {
        var id = RequestGuard.ThemenfeldId(request.ThemenfeldId);
        var details = await grains.GetGrain<IThemenfeldGrain>(id).GetAsync();
        return new GetThemenfeldResponse { Themenfeld = details.MapToProto() };
    }

    public override async Task<SetFederfuehrungResponse> SetFederfuehrung(SetFederfuehrungRequest request, ServerCallContext context)
    {
        var id = RequestGuard.ThemenfeldId(request.ThemenfeldId);
        var command = await context.WriteCommandAsync(grains, request.RequestId, request.HasExpectedVersion ? request.ExpectedVersion : null);
        var details = await grains.GetGrain<IThemenfeldGrain>(id).SetFederfuehrungAsync(command, request.Federfuehrung.MapToDomain());
        return new SetFederfuehrungResponse { Themenfeld = details.MapToProto() };
    }
}
