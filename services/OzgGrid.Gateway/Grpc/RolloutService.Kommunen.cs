using System.Globalization;
using Grpc.Core;
using OzgGrid.Gateway.Identity;
using OzgGrid.Gateway.Mapping;
using OzgGrid.Gateway.Validation;
using OzgGrid.Grains.Abstractions.Errors;
using OzgGrid.Grains.Abstractions.Kommunen;
using OzgGrid.Protos.V1;

namespace OzgGrid.Gateway.Grpc;

/// <summary>The Kommunen register per Land: import (a Gebietsstand, with mergers), Kommunen, Kreise, one Kommune by AGS.</summary>
public sealed partial class RolloutService
{
    private const string KommunenList = "kommunen";

    public override async Task<ImportKommunenResponse> ImportKommunen(ImportKommunenRequest request, ServerCallContext context)
    {
        var land = RequestGuard.Land(request.Land, "land");
        RequestGuard.ListSize(request.Kommunen.Count, KommunenRules.MaxPerLand, "kommunen");
        if (request.Kommunen.All(row => row.MergedInto.Length > 0))
        {
            // An import replaces the register: an empty one would take every Kommune's rollout out of the Land's figures.
            throw RequestGuard.Invalid("kommunen", "Required: the Land's Kommunen (an import replaces the register, so it cannot be empty).");
        }

        var gebietsstand = KommunenGuard.Gebietsstand(request.Kommunen, request.Attribution);
        var command = await context.WriteCommandAsync(grains, request.RequestId, expectedVersion: null);
        var result = await Register(land).ImportAsync(command, gebietsstand);
        return new ImportKommunenResponse
        {
            Land = result.Land, Count = result.Count, Added = result.Added, Removed = result.Removed, Changed = result.Changed,
            Version = result.Version, Merged = result.Merged,
        };
    }

    public override async Task<ListKommunenResponse> ListKommunen(ListKommunenRequest request, ServerCallContext context)
    {
        var land = RequestGuard.Land(request.Land, "land");
        var pageSize = RequestGuard.PageSize(request.PageSize);
        var kreis = request.KreisAgs.Length > 0 ? KommunenGuard.Kreis(request.KreisAgs, land, "kreis_ags") : null;
        var list = $"{KommunenList}-{land}-{kreis}-{request.Retired}";
        var after = PageToken.Decode(request.PageToken, list) is { } cursor ? AgsOf(cursor) : null;

        var register = await Register(land).GetAsync();
        var matching = (request.Retired
                ? register.Retired.Values.Select(retired => retired.Kommune.MapToProto(retired.MergedInto))
                : register.Kommunen.Values.Select(kommune => kommune.MapToProto()))
            .Where(kommune => kreis is null || kommune.KreisAgs == kreis)
            .ToList();
        var page = matching.Where(kommune => after is null || string.CompareOrdinal(kommune.Ags, after) > 0).Take(pageSize + 1).ToList();
        var shown = page.Take(pageSize).ToList();
        return new ListKommunenResponse
        {
            Kommunen = { shown },
            NextPageToken = page.Count > pageSize ? PageToken.Encode(list, long.Parse(shown[^1].Ags, CultureInfo.InvariantCulture)) : string.Empty,
            TotalSize = matching.Count,
            Attribution = register.Attribution,
        };
    }

    public override async Task<ListKreiseResponse> ListKreise(ListKreiseRequest request, ServerCallContext context)
    {
        var land = RequestGuard.Land(request.Land, "land");
        var register = await Register(land).GetAsync();
        return new ListKreiseResponse { Land = land, Kreise = { register.Kreise().Select(kreis => kreis.MapToProto()) }, Attribution = register.Attribution };
    }

    public override async Task<GetKommuneResponse> GetKommune(GetKommuneRequest request, ServerCallContext context)
    {
        var land = RolloutGuard.Land(request.Ags, "ags");
        var register = await Register(land).GetAsync();
        var (kommune, mergedInto) = register.Kommunen.TryGetValue(request.Ags, out var current)
            ? (current, string.Empty)
            : register.Retired.TryGetValue(request.Ags, out var retired)
                ? (retired.Kommune, retired.MergedInto)
                : throw new NotFoundException($"Kommune {request.Ags} is not in the register of {land}, current or retired; ListKommunen lists it.");
        return new GetKommuneResponse
        {
            Kommune = kommune.MapToProto(mergedInto),
            Retired = mergedInto.Length > 0,
            SuccessorAgs = register.SuccessorOf(kommune.Ags) ?? string.Empty,
            Attribution = register.Attribution,
        };
    }

    private IKommunenRegisterGrain Register(string land) => grains.GetGrain<IKommunenRegisterGrain>(land);
}
