using Grpc.Core;
using OzgGrid.Gateway.Identity;
using OzgGrid.Gateway.Mapping;
using OzgGrid.Gateway.Validation;
using OzgGrid.Grains.Abstractions.Dienstleister;
using OzgGrid.Protos.V1;

namespace OzgGrid.Gateway.Grpc;

public sealed class ItDienstleisterService(IGrainFactory grains) : Protos.V1.ItDienstleisterService.ItDienstleisterServiceBase
{
    public override async Task<RegisterItDienstleisterResponse> RegisterItDienstleister(RegisterItDienstleisterRequest request, ServerCallContext context)
    {
        var id = RequireId(request.Id);
        var registration = request.MapToDomain();
        var command = await context.WriteCommandAsync(grains, request.RequestId, request.HasExpectedVersion ? request.ExpectedVersion : null);
        var registered = await grains.GetGrain<IItDienstleisterGrain>(id).RegisterAsync(command, registration);
        return new RegisterItDienstleisterResponse { ItDienstleister = registered.MapToProto() };
    }

    public override async Task<GetItDienstleisterResponse> GetItDienstleister(GetItDienstleisterRequest request, ServerCallContext context)
    {
        var itDienstleister = await grains.GetGrain<IItDienstleisterGrain>(RequireId(request.Id)).GetAsync();
        return new GetItDienstleisterResponse { ItDienstleister = itDienstleister.MapToProto() };
    }

    public override async Task<ListItDienstleisterResponse> ListItDienstleister(ListItDienstleisterRequest request, ServerCallContext context)
    {
        var ids = await grains.GetGrain<IItDienstleisterDirectoryGrain>(IItDienstleisterDirectoryGrain.Key).ListIdsAsync();
        var all = await Task.WhenAll(ids.Select(id => grains.GetGrain<IItDienstleisterGrain>(id).FindAsync()));
        return new ListItDienstleisterResponse { ItDienstleister = { all.OfType<Grains.Abstractions.Dienstleister.ItDienstleister>().Select(i => i.MapToProto()) } };
    }

    public override Task<SetItDienstleisterDeactivatedResponse> DeactivateItDienstleister(SetItDienstleisterDeactivatedRequest request, ServerCallContext context) =>
        SetDeactivatedAsync(request, context, deactivated: true);

    public override Task<SetItDienstleisterDeactivatedResponse> ReactivateItDienstleister(SetItDienstleisterDeactivatedRequest request, ServerCallContext context) =>
        SetDeactivatedAsync(request, context, deactivated: false);

    private async Task<SetItDienstleisterDeactivatedResponse> SetDeactivatedAsync(
        SetItDienstleisterDeactivatedRequest request, ServerCallContext context, bool deactivated)
    {
        var id = RequireId(request.Id);
        var command = await context.WriteCommandAsync(grains, request.RequestId, request.HasExpectedVersion ? request.ExpectedVersion : null);
        var written = await grains.GetGrain<IItDienstleisterGrain>(id).SetDeactivatedAsync(command, deactivated);
        return new SetItDienstleisterDeactivatedResponse { ItDienstleister = written.MapToProto() };
    }

    private static string RequireId(string id) =>
        ItDienstleisterRules.IsValidId(id)
            ? id
            : throw RequestGuard.Invalid("id", "Required: lower-case letters, digits and '-', at most 63 characters, e.g. \"dataport\".");
}
