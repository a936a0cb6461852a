using Google.Protobuf;
using Google.Protobuf.Reflection;
using Microsoft.AspNetCore.Http;
using OzgGrid.Gateway.Policies;
using OzgGrid.Protos.V1;
using AnschlussApi = OzgGrid.Protos.V1.AnschlussService;
using AnschlussService = OzgGrid.Gateway.Grpc.AnschlussService;
using RolloutApi = OzgGrid.Protos.V1.RolloutService;
using RolloutService = OzgGrid.Gateway.Grpc.RolloutService;

namespace OzgGrid.Web;

/// <summary>
/// The reads of a Land's Kreise and Kommunen (public register data, each answer with the source's attribution) and of a
/// Leistung in one Land: its rollout counts and the Anschluss forecast. Paged on the server: a Land has up to 2,056 Gemeinden.
/// </summary>
public sealed partial class ProgrammeDashboardReads
{
    /// <summary>A Kreis's Kommunen and a forecast's missing Kommunen come in pages of this many.</summary>
    private const int KommunenPageSize = 100;

    private static readonly MethodDescriptor Kreise =
        RpcPolicies.MethodOf(RolloutApi.Descriptor, nameof(RolloutApi.RolloutServiceBase.ListKreise));

    private static readonly MethodDescriptor Kommunen =
        RpcPolicies.MethodOf(RolloutApi.Descriptor, nameof(RolloutApi.RolloutServiceBase.ListKommunen));

    private static readonly MethodDescriptor Rollout =
        RpcPolicies.MethodOf(RolloutApi.Descriptor, nameof(RolloutApi.RolloutServiceBase.GetRollout));

    private static readonly MethodDescriptor Prognose =
        RpcPolicies.MethodOf(AnschlussApi.Descriptor, nameof(AnschlussApi.AnschlussServiceBase.GetAnschlussPrognose));

    public Task<IMessage> KreiseAsync(string land, HttpContext http) =>
        ReadAsync(http, Kreise, new ListKreiseRequest { Land = land }, Service<RolloutService>(http).ListKreise);

    public Task<IMessage> KreisKommunenAsync(string land, string kreisAgs, string? pageToken, HttpContext http) =>
        ReadAsync(http, Kommunen, new ListKommunenRequest { Land = land, KreisAgs = kreisAgs, PageSize = KommunenPageSize, PageToken = pageToken ?? string.Empty },
            Service<RolloutService>(http).ListKommunen);

    /// <summary>The counts and the derived Verfügbarkeit only: the page lists the missing Kommunen from the forecast.</summary>
    public async Task<IMessage> RolloutAsync(int ozgId, string land, HttpContext http) =>
        WithoutEntries(await ReadAsAsync(http, Rollout, new GetRolloutRequest { OzgId = ozgId, Land = land, PageSize = 1 },
            Service<RolloutService>(http).GetRollout));

    public Task<IMessage> PrognoseAsync(int ozgId, string land, string? pageToken, HttpContext http) =>
        ReadAsync(http, Prognose, new GetAnschlussPrognoseRequest { OzgId = ozgId, Land = land, PageSize = KommunenPageSize, PageToken = pageToken ?? string.Empty },
            Service<AnschlussService>(http).GetAnschlussPrognose);

    private static GetRolloutResponse WithoutEntries(GetRolloutResponse response)
    {
        var counts = response.Clone();
        counts.Entries.Clear();
        counts.NextPageToken = string.Empty;
        return counts;
    }
}
