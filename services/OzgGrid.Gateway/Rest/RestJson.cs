using Grpc.Core;
using Microsoft.AspNetCore.Grpc.JsonTranscoding;
using Microsoft.AspNetCore.Http;

namespace OzgGrid.Gateway.Rest;

/// <summary>
/// The REST/JSON face of <c>ozg.v1</c>: gRPC JSON transcoding of the <c>google.api.http</c> routes in the protos, in
/// proto3 JSON. Transcoded calls run through the same interceptors (token, roles, limits, rate limit, timeouts, breaker)
/// as gRPC calls.
/// </summary>
public static class RestJson
{
    /// <summary>The header a refused stale write names the current version in (gRPC: the trailer of the same name).</summary>
    public const string CurrentVersionHeader = "ozg-current-version";

    public static void Configure(GrpcJsonTranscodingOptions options)
    {
        // proto3 JSON: int64 as strings (a JavaScript number loses precision past 2^53), enums by name.
        options.JsonSettings.WriteInt64sAsStrings = true;
        options.JsonSettings.WriteEnumsAsIntegers = false;
    }

    /// <summary>Whether this request is a transcoded call.</summary>
    public static bool IsTranscoded(HttpContext http) => http.GetEndpoint()?.Metadata.GetMetadata<GrpcJsonTranscodingMetadata>() is not null;

    /// <summary>Whether this call came in over HTTP/JSON rather than gRPC.</summary>
    public static bool IsTranscoded(ServerCallContext context) =>
        context.UserState.TryGetValue("__HttpContext", out var http) && http is HttpContext transcoded && IsTranscoded(transcoded);

    /// <summary>The writer a stream method should use: one that keeps write options to itself for a transcoded call.</summary>
    public static IServerStreamWriter<T> StreamWriter<T>(IServerStreamWriter<T> stream, ServerCallContext context) =>
        IsTranscoded(context) ? new RestStreamWriter<T>(stream) : stream;

    /// <summary>
    /// A stale expected version over HTTP: ABORTED, which transcoding answers with 409 Conflict (FAILED_PRECONDITION,
    /// what gRPC callers get, would be a 400 that looks like a malformed request); the current version in a header.
    /// </summary>
    public static RpcException VersionConflict(ServerCallContext context, long currentVersion, string message)
    {
        context.GetHttpContext().Response.Headers[CurrentVersionHeader] = currentVersion.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return new RpcException(new Status(StatusCode.Aborted, message));
    }
}
