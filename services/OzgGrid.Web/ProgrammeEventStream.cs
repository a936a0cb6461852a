using Grpc.Core;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace OzgGrid.Web;

/// <summary>
/// The monitoring stream as server-sent events: the page's figures are the snapshot's, then every change batch moves
/// them. A browser's EventSource reconnects on its own and sends the last cursor as Last-Event-ID.
/// </summary>
internal static class ProgrammeEventStream
{
    public static async Task RunAsync(HttpContext http, ProgrammeDashboardReads reads)
    {
        var resumeCursor = http.Request.Headers["Last-Event-ID"].ToString();
        http.Response.ContentType = "text/event-stream; charset=utf-8";
        http.Response.Headers.CacheControl = "no-cache";
        // Every event goes out when written, not when a buffer fills.
        http.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();
        try
        {
            await reads.WatchAsync(http, resumeCursor, new ServerSentEventWriter(http.Response));
        }
        catch (OperationCanceledException) when (http.RequestAborted.IsCancellationRequested)
        {
            // The page was closed.
        }
        catch (Exception exception) when (!http.Response.HasStarted && ProgrammeDashboardProblems.For(exception, http) is { } problem)
        {
            await problem.ExecuteAsync(http);
        }
        catch (RpcException)
        {
            // Cut off mid-stream (e.g. it fell behind): ending the response makes the browser reconnect and resume.
        }
    }
}
