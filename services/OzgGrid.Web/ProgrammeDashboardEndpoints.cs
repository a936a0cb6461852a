using Google.Protobuf;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OzgGrid.Protos.V1;

namespace OzgGrid.Web;

/// <summary>
/// The page under <see cref="Path"/>: the built front end, JSON reads under <c>api/</c> and the live stream as
/// server-sent events at <c>api/ereignisse</c>. Read-only: nothing here writes.
/// </summary>
public static class ProgrammeDashboardEndpoints
{
    public const string Path = "/programm";

    public static IServiceCollection AddProgrammeDashboardReads(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<ProgrammeDashboardOptions>(configuration.GetSection(ProgrammeDashboardOptions.Section));
        services.AddSingleton<ProgrammeDashboardReads>();
        services.AddSingleton<ProgrammeDashboardAssets>();
        return services;
    }

    /// <summary>The endpoints, as a group the host puts on its listener and under its access rules.</summary>
    public static RouteGroupBuilder MapProgrammeDashboard(this IEndpointRouteBuilder app)
    {
        var page = app.MapGroup(Path);
        page.MapGet("/api/kennzahlen", (ProgrammeDashboardReads reads, HttpContext http) => Json(http, reads.FiguresAsync));
        page.MapGet("/api/verlauf", (ProgrammeDashboardReads reads, HttpContext http) => Json(http, reads.ProgressAsync));
        page.MapGet("/api/ueberfaellig", (ProgrammeDashboardReads reads, HttpContext http) => Json(http, reads.OverdueAsync));
        page.MapGet("/api/leistungen/{ozgId:int}", (int ozgId, ProgrammeDashboardReads reads, HttpContext http) =>
            Json(http, context => reads.LeistungAsync(ozgId, context)));
        page.MapGet("/api/leistungen/{ozgId:int}/aenderungen", (int ozgId, string? seite, ProgrammeDashboardReads reads, HttpContext http) =>
            Json(http, context => reads.HistoryAsync(ozgId, seite, context)));
        page.MapGet("/api/leistungen/{ozgId:int}/onlinedienste", (int ozgId, ProgrammeDashboardReads reads, HttpContext http) =>
            Json(http, context => reads.OnlinediensteAsync(ozgId, context)));
        page.MapGet("/api/leistungen/{ozgId:int}/blocker", (int ozgId, string? modell, int? zielstufe, ProgrammeDashboardReads reads, HttpContext http) =>
            Json(http, context => reads.BlockerAsync(ozgId, ReifegradModellOf(modell), zielstufe ?? 0, context)));
        page.MapGet("/api/laender/{land}/leistungen", (string land, string? seite, ProgrammeDashboardReads reads, HttpContext http) =>
            Json(http, context => reads.LandLeistungenAsync(land, seite, context)));
        page.MapGet("/api/laender/{land}/kreise", (string land, ProgrammeDashboardReads reads, HttpContext http) =>
            Json(http, context => reads.KreiseAsync(land, context)));
        page.MapGet("/api/laender/{land}/kreise/{kreis}/kommunen", (string land, string kreis, string? seite, ProgrammeDashboardReads reads, HttpContext http) =>
            Json(http, context => reads.KreisKommunenAsync(land, kreis, seite, context)));
        page.MapGet("/api/leistungen/{ozgId:int}/laender/{land}/rollout", (int ozgId, string land, ProgrammeDashboardReads reads, HttpContext http) =>
            Json(http, context => reads.RolloutAsync(ozgId, land, context)));
        page.MapGet("/api/leistungen/{ozgId:int}/laender/{land}/prognose", (int ozgId, string land, string? seite, ProgrammeDashboardReads reads, HttpContext http) =>
            Json(http, context => reads.PrognoseAsync(ozgId, land, seite, context)));
        page.MapGet("/api/suche", (string? q, ProgrammeDashboardReads reads, HttpContext http) => Json(http, context => reads.SearchAsync(q, context)));
        page.MapGet("/api/ereignisse", ProgrammeEventStream.RunAsync);
        page.MapGet("/api/{**rest}", () => Results.NotFound());
        page.MapGet("/{**file}", (string? file, ProgrammeDashboardAssets assets) => assets.Serve(file));
        return page;
    }

    /// <summary>"1.1" or "2.0"; anything else is left unspecified, which the gateway refuses with a message.</summary>
    private static ReifegradModell ReifegradModellOf(string? modell) => modell switch
    {
        "1.1" => ReifegradModell.V11,
        "2.0" => ReifegradModell.V20,
        _ => ReifegradModell.Unspecified,
    };

    private static async Task<IResult> Json(HttpContext http, Func<HttpContext, Task<IMessage>> read)
    {
        try
        {
            var json = ProtoJson.Format(await read(http));
            return Results.Text(json, "application/json; charset=utf-8");
        }
        catch (Exception exception) when (ProgrammeDashboardProblems.For(exception, http) is { } problem)
        {
            return problem;
        }
    }
}
