using Grpc.Core;
using Microsoft.AspNetCore.Http;

namespace OzgGrid.Web;

/// <summary>
/// What the page gets for a read that failed: the status a gRPC client would get, as an HTTP status. The gateway's
/// interceptors have already mapped and logged every fault to an <see cref="RpcException"/>.
/// </summary>
internal static class ProgrammeDashboardProblems
{
    public static IResult? For(Exception exception, HttpContext http) => exception switch
    {
        OperationCanceledException when http.RequestAborted.IsCancellationRequested => Results.Empty,
        RpcException { StatusCode: StatusCode.Cancelled } when http.RequestAborted.IsCancellationRequested => Results.Empty,
        RpcException refused => Results.Problem(DetailOf(refused), statusCode: HttpStatusOf(refused.StatusCode)),
        _ => null,
    };

    private static int HttpStatusOf(StatusCode code) => code switch
    {
        StatusCode.NotFound => StatusCodes.Status404NotFound,
        StatusCode.InvalidArgument or StatusCode.FailedPrecondition => StatusCodes.Status400BadRequest,
        StatusCode.Unauthenticated => StatusCodes.Status401Unauthorized,
        StatusCode.PermissionDenied => StatusCodes.Status403Forbidden,
        StatusCode.ResourceExhausted => StatusCodes.Status429TooManyRequests,
        StatusCode.Unavailable => StatusCodes.Status503ServiceUnavailable,
        StatusCode.DeadlineExceeded => StatusCodes.Status504GatewayTimeout,
        _ => StatusCodes.Status500InternalServerError,
    };

    /// <summary>The page shows the detail; where it can only mean "later", it says so in the page's language.</summary>
    private static string DetailOf(RpcException refused) => refused.StatusCode switch
    {
        StatusCode.ResourceExhausted => $"Zu viele Anfragen; bitte etwas langsamer. ({refused.Status.Detail})",
        StatusCode.Unavailable => "OzgGrid erreicht Cluster oder Speicher gerade nicht; bitte gleich noch einmal versuchen.",
        _ => refused.Status.Detail,
    };
}
