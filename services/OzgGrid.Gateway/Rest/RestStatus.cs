using Google.Protobuf;
using Grpc.Core;
using Microsoft.AspNetCore.Http;

namespace OzgGrid.Gateway.Rest;

/// <summary>
/// Answers a REST call before it reaches transcoding with a <c>google.rpc.Status</c> JSON body, shaped as transcoding
/// shapes its own errors (<c>{"code":3,"message":"…","details":[]}</c>).
/// </summary>
public static class RestStatus
{
    private static readonly JsonFormatter Formatter = new(JsonFormatter.Settings.Default.WithFormatDefaultValues(true));

    public static Task WriteAsync(HttpContext http, int httpStatus, StatusCode code, string message)
    {
        http.Response.StatusCode = httpStatus;
        http.Response.ContentType = "application/json; charset=utf-8";
        var status = new Google.Rpc.Status { Code = (int)code, Message = message };
        return http.Response.WriteAsync(Formatter.Format(status));
    }
}
