using System.Security.Claims;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using Grpc.Core;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OzgGrid.Gateway.Identity;
using OzgGrid.Gateway.InProcess;
using OzgGrid.Gateway.Policies;
using OzgGrid.Protos.V1;
using LeistungApi = OzgGrid.Protos.V1.LeistungService;
using LeistungService = OzgGrid.Gateway.Grpc.LeistungService;
using MonitoringApi = OzgGrid.Protos.V1.MonitoringService;
using MonitoringService = OzgGrid.Gateway.Grpc.MonitoringService;
using ProgrammeApi = OzgGrid.Protos.V1.ProgrammeManagementService;
using ProgrammeManagementService = OzgGrid.Gateway.Grpc.ProgrammeManagementService;

namespace OzgGrid.Web;

/// <summary>
/// What the page reads, asked of the gateway's gRPC services in-process through <see cref="InProcessGateway"/>: the same
/// policy (roles, rate limit, timeout, circuit breaker), validation, grains and mapping as a gRPC client gets, answered
/// as the services' own messages (sent as protobuf JSON).
/// </summary>
public sealed partial class ProgrammeDashboardReads(InProcessGateway gateway, IOptions<ProgrammeDashboardOptions> options)
{
    /// <summary>A page of a Leistung's history holds this many changes, newest first; the page asks for older ones.</summary>
    private const int HistoryPageSize = 50;

    /// <summary>Marks a request whose visitor was made the anonymous viewer, for its further reads (the principal then looks signed in).</summary>
    private const string AnonymousVisitorItem = "OzgGrid.Web.AnonymousVisitor";

    private static readonly MethodDescriptor Figures =
        RpcPolicies.MethodOf(MonitoringApi.Descriptor, nameof(MonitoringApi.MonitoringServiceBase.GetProgrammeFigures));

    private static readonly MethodDescriptor Progress =
        RpcPolicies.MethodOf(MonitoringApi.Descriptor, nameof(MonitoringApi.MonitoringServiceBase.GetProgress));

    private static readonly MethodDescriptor Watch =
        RpcPolicies.MethodOf(MonitoringApi.Descriptor, nameof(MonitoringApi.MonitoringServiceBase.WatchProgramme));

    private static readonly MethodDescriptor Overdue =
        RpcPolicies.MethodOf(ProgrammeApi.Descriptor, nameof(ProgrammeApi.ProgrammeManagementServiceBase.ListUeberfaelligeLeistungen));

    private static readonly MethodDescriptor Leistung =
        RpcPolicies.MethodOf(LeistungApi.Descriptor, nameof(LeistungApi.LeistungServiceBase.GetLeistung));

    private static readonly MethodDescriptor History =
        RpcPolicies.MethodOf(LeistungApi.Descriptor, nameof(LeistungApi.LeistungServiceBase.ListLeistungChanges));

    public Task<IMessage> FiguresAsync(HttpContext http) =>
        ReadAsync(http, Figures, new GetProgrammeFiguresRequest(), Service<MonitoringService>(http).GetProgrammeFigures);

    /// <summary>OZG-konform per month, from the first day counted.</summary>
    public Task<IMessage> ProgressAsync(HttpContext http) =>
        ReadAsync(http, Progress, new GetProgressRequest { Granularity = ProgressGranularity.Month }, Service<MonitoringService>(http).GetProgress);

    public Task<IMessage> OverdueAsync(HttpContext http) =>
        ReadAsync(http, Overdue, new ListUeberfaelligeLeistungenRequest(), Service<ProgrammeManagementService>(http).ListUeberfaelligeLeistungen);

    public Task<IMessage> LeistungAsync(int ozgId, HttpContext http) =>
        ReadAsync(http, Leistung, new GetLeistungRequest { OzgId = ozgId }, Service<LeistungService>(http).GetLeistung);

    /// <param name="pageToken">The previous page's next_page_token; empty for the newest changes.</param>
    public Task<IMessage> HistoryAsync(int ozgId, string? pageToken, HttpContext http) =>
        ReadAsync(http, History, new ListLeistungChangesRequest { OzgId = ozgId, PageSize = HistoryPageSize, PageToken = pageToken ?? string.Empty },
            Service<LeistungService>(http).ListLeistungChanges);

    /// <summary>
    /// The monitoring stream, unfiltered and batched, from a cursor the page already had (or from a snapshot); to an
    /// anonymous visitor without who changed what.
    /// </summary>
    public Task WatchAsync(HttpContext http, string resumeCursor, IServerStreamWriter<WatchProgrammeResponse> stream)
    {
        var page = ActAsAnonymousViewerUnlessTokenRequired(http) ? new AnonymousVisitorStream(stream) : stream;
        return gateway.ServerStreamingAsync(
            http, Watch, new WatchProgrammeRequest { Batched = true, ResumeCursor = resumeCursor }, page, Service<MonitoringService>(http).WatchProgramme);
    }

    private async Task<IMessage> ReadAsync<TRequest, TResponse>(
        HttpContext http, MethodDescriptor method, TRequest request, UnaryServerMethod<TRequest, TResponse> handler,
        Func<TResponse, TResponse>? forAnonymous = null)
        where TRequest : class
        where TResponse : class, IMessage => await ReadAsAsync(http, method, request, handler, forAnonymous);

    /// <param name="forAnonymous">What an anonymous visitor sees of the answer beyond <see cref="AnonymousVisitorView"/>.</param>
    private async Task<TResponse> ReadAsAsync<TRequest, TResponse>(
        HttpContext http, MethodDescriptor method, TRequest request, UnaryServerMethod<TRequest, TResponse> handler,
        Func<TResponse, TResponse>? forAnonymous = null)
        where TRequest : class
        where TResponse : class, IMessage
    {
        var anonymous = ActAsAnonymousViewerUnlessTokenRequired(http);
        var response = await gateway.UnaryAsync(http, method, request, handler);
        return anonymous ? AnonymousVisitorView.Of(forAnonymous is null ? response : forAnonymous(response)) : response;
    }

    /// <summary>
    /// Open without a token (the default), the page's visitors read as the monitoring role, so each read's policy decides
    /// for them as for a monitoring client, but see only aggregates and statuses (<see cref="AnonymousVisitorView"/>).
    /// A visitor with a token (or every one, with a token required) reads as the token's roles allow, in full.
    /// </summary>
    /// <returns>Whether the visitor is anonymous.</returns>
    private bool ActAsAnonymousViewerUnlessTokenRequired(HttpContext http)
    {
        if (http.Items.ContainsKey(AnonymousVisitorItem))
        {
            return true;
        }

        if (options.Value.RequireToken || http.User.Identity?.IsAuthenticated == true)
        {
            return false;
        }

        http.Items[AnonymousVisitorItem] = true;

        // No name: anonymous visitors share a rate limit per address (the call's peer), not one for all of them.
        http.User = new ClaimsPrincipal(new ClaimsIdentity(
            [new Claim(AccessTokens.RoleClaim, Roles.Monitoring)], "programme-page", nameType: null, roleType: AccessTokens.RoleClaim));
        return true;
    }

    // Created per call, as grpc-dotnet does for a call over the network.
    private static T Service<T>(HttpContext http)
        where T : class => ActivatorUtilities.CreateInstance<T>(http.RequestServices);
}
