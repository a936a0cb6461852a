using Google.Protobuf;
using Grpc.Core;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OzgGrid.Grains.Abstractions.Errors;

namespace OzgGrid.Web;

/// <summary>
/// The page under <see cref="Path"/>: the built front end, JSON reads under <c>api/</c> and the live stream as
/// server-sent events at <c>api/ereignisse</c>. Read-only: nothing here writes.
/// </summary>
public static class ProgrammeDashboardEndpoints
{
    public const string Path = "/programm";

    public static IServiceCollection AddProgrammeDashboardReads(this IServiceCollection services)
    {
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
            Json(http, cancel => reads.LeistungAsync(ozgId, cancel)));
        page.MapGet("/api/leistungen/{ozgId:int}/aenderungen", (int ozgId, ProgrammeDashboardReads reads, HttpContext http) =>
            Json(http, cancel => reads.HistoryAsync(ozgId, cancel)));
        page.MapGet("/api/ereignisse", ProgrammeEventStream.RunAsync);
        page.MapGet("/api/{**rest}", () => Results.NotFound());
        page.MapGet("/{**file}", (string? file, ProgrammeDashboardAssets assets) => assets.Serve(file));
        return page;
    }

    private static async Task<IResult> Json(HttpContext http, Func<CancellationToken, Task<IMessage>> read)
    {
        try
        {
            var json = ProtoJson.Format(await read(http.RequestAborted));
            return Results.Text(json, "application/json; charset=utf-8");
        }
        catch (Exception exception) when (ProblemFor(exception, http) is { } problem)
        {
            return problem;
        }
    }

    /// <summary>What the page gets for a read that failed: the status a gRPC client would get, as an HTTP status.</summary>
    internal static IResult? ProblemFor(Exception exception, HttpContext http) => exception switch
    {
        NotFoundException notFound => Results.Problem(notFound.Message, statusCode: StatusCodes.Status404NotFound),
        InvalidFieldException invalid => Results.Problem($"{invalid.Field}: {invalid.Message}", statusCode: StatusCodes.Status400BadRequest),
        RpcException { StatusCode: StatusCode.NotFound } refused => Results.Problem(refused.Status.Detail, statusCode: StatusCodes.Status404NotFound),
        RpcException { StatusCode: StatusCode.InvalidArgument } refused => Results.Problem(refused.Status.Detail, statusCode: StatusCodes.Status400BadRequest),
        OperationCanceledException when http.RequestAborted.IsCancellationRequested => Results.Empty,
        TimeoutException or OrleansException => Unavailable(exception, http),
        _ => null,
    };

    private static IResult Unavailable(Exception exception, HttpContext http)
    {
        http.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(ProgrammeDashboardEndpoints))
            .LogWarning(exception, "{Path}: cluster or storage unavailable", http.Request.Path);
        return Results.Problem("OzgGrid erreicht Cluster oder Speicher gerade nicht; bitte gleich noch einmal versuchen.",
            statusCode: StatusCodes.Status503ServiceUnavailable);
    }
}
