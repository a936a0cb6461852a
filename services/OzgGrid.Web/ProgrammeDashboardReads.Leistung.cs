using Google.Protobuf;
using Google.Protobuf.Reflection;
using Microsoft.AspNetCore.Http;
using OzgGrid.Gateway.Policies;
using OzgGrid.Protos.V1;
using LeistungApi = OzgGrid.Protos.V1.LeistungService;
using LeistungService = OzgGrid.Gateway.Grpc.LeistungService;
using OnlinedienstApi = OzgGrid.Protos.V1.OnlinedienstService;
using OnlinedienstService = OzgGrid.Gateway.Grpc.OnlinedienstService;
using ReifegradApi = OzgGrid.Protos.V1.ReifegradService;
using ReifegradService = OzgGrid.Gateway.Grpc.ReifegradService;
using SucheApi = OzgGrid.Protos.V1.SucheService;
using SucheService = OzgGrid.Gateway.Grpc.SucheService;

namespace OzgGrid.Web;

/// <summary>
/// The reads of a Leistung's page beyond its record (its Onlinedienste and what holds its Reifegrad), of a Land's view
/// (the Leistungen available there) and the search. An anonymous visitor sees only published Onlinedienste and only
/// the blockers of pairs that count (published and in use), as the public programme does.
/// </summary>
public sealed partial class ProgrammeDashboardReads
{
    /// <summary>A Land's view lists its Leistungen in pages of this many.</summary>
    private const int LandPageSize = 100;

    private static readonly MethodDescriptor Leistungen =
        RpcPolicies.MethodOf(LeistungApi.Descriptor, nameof(LeistungApi.LeistungServiceBase.ListLeistungen));

    private static readonly MethodDescriptor LeistungOnlinedienste =
        RpcPolicies.MethodOf(OnlinedienstApi.Descriptor, nameof(OnlinedienstApi.OnlinedienstServiceBase.ListLeistungOnlinedienste));

    private static readonly MethodDescriptor Search =
        RpcPolicies.MethodOf(SucheApi.Descriptor, nameof(SucheApi.SucheServiceBase.SucheLeistungen));

    private static readonly MethodDescriptor LeistungBlocker =
        RpcPolicies.MethodOf(ReifegradApi.Descriptor, nameof(ReifegradApi.ReifegradServiceBase.GetLeistungReifegradBlocker));

    public Task<IMessage> OnlinediensteAsync(int ozgId, HttpContext http) =>
        ReadAsync(http, LeistungOnlinedienste, new ListLeistungOnlinediensteRequest { OzgId = ozgId },
            Service<OnlinedienstService>(http).ListLeistungOnlinedienste, OnlyPublished);

    /// <summary>Per pair of the Leistung, what holds it below <paramref name="zielstufe"/> of <paramref name="modell"/>.</summary>
    public Task<IMessage> BlockerAsync(int ozgId, ReifegradModell modell, int zielstufe, HttpContext http) =>
        ReadAsync(http, LeistungBlocker, new GetLeistungReifegradBlockerRequest { OzgId = ozgId, Modell = modell, Zielstufe = zielstufe },
            Service<ReifegradService>(http).GetLeistungReifegradBlocker, OnlyCounting);

    /// <summary>The Leistungen available in a Land (Pilot or better), ordered by OZG-ID, a page at a time.</summary>
    public Task<IMessage> LandLeistungenAsync(string land, string? pageToken, HttpContext http) =>
        ReadAsync(http, Leistungen, new ListLeistungenRequest { Land = land, PageSize = LandPageSize, PageToken = pageToken ?? string.Empty },
            Service<LeistungService>(http).ListLeistungen);

    /// <summary>The catalogue search: by OZG-ID, LeiKa key or part of the name (SucheService, as ozgctl suche asks it).</summary>
    public Task<IMessage> SearchAsync(string? query, HttpContext http) =>
        ReadAsync(http, Search, new SucheLeistungenRequest { Query = query ?? string.Empty }, Service<SucheService>(http).SucheLeistungen);

    private static ListLeistungOnlinediensteResponse OnlyPublished(ListLeistungOnlinediensteResponse response) =>
        new() { Onlinedienste = { response.Onlinedienste.Where(d => d.Veroeffentlicht) } };

    private static GetLeistungReifegradBlockerResponse OnlyCounting(GetLeistungReifegradBlockerResponse response) =>
        new() { Paare = { response.Paare.Where(p => p.Zaehlt) } };
}
