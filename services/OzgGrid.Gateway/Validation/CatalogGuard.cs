using Grpc.Core;
using OzgGrid.Grains.Abstractions.Catalog;
using OzgGrid.Grains.Abstractions.Leistungen;
using OzgGrid.Grains.Abstractions.Themenfelder;

namespace OzgGrid.Gateway.Validation;

/// <summary>
/// Checks a request's ids against the imported catalogue: an id that names nothing is NOT_FOUND, never an empty
/// answer that looks like "nothing there yet".
/// </summary>
public static class CatalogGuard
{
    public static async Task RequireThemenfeldAsync(IGrainFactory grains, int themenfeldId) =>
        await grains.GetGrain<IThemenfeldGrain>(themenfeldId).GetAsync(); // fails with NotFound for an unknown Themenfeld

    public static async Task RequireLageAsync(IGrainFactory grains, int lageId)
    {
        var themenfelder = await grains.GetGrain<ICatalogQueryGrain>(ICatalogQueryGrain.Key).ListThemenfelderAsync();
        if (!themenfelder.Any(themenfeld => themenfeld.Lagen.Any(lage => lage.LageId == lageId)))
        {
            throw new RpcException(new Status(StatusCode.NotFound, $"There is no Lebens- or Geschäftslage {lageId} in the catalogue; ListThemenfelder names them."));
        }
    }

    public static async Task<LeistungSummary> RequireLeistungAsync(IGrainFactory grains, int ozgId) =>
        await grains.GetGrain<ILeistungGrain>(ozgId).GetSummaryAsync()
            ?? throw new RpcException(new Status(StatusCode.NotFound, $"There is no OZG-Leistung with OZG-ID {ozgId} in the catalogue."));
}
