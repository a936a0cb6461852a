using Grpc.Core;

namespace OzgGrid.Cli.Connection;

/// <summary>Turns a gRPC status into the one line ozgctl prints on stderr and the exit code it ends with.</summary>
public static class RpcErrors
{
    public static int ExitCodeOf(StatusCode status) => status switch
    {
        StatusCode.OK => ExitCodes.Ok,
        StatusCode.InvalidArgument or StatusCode.OutOfRange => ExitCodes.InvalidArgument,
        StatusCode.NotFound => ExitCodes.NotFound,
        StatusCode.Unauthenticated or StatusCode.PermissionDenied => ExitCodes.AccessDenied,
        StatusCode.FailedPrecondition or StatusCode.Aborted or StatusCode.AlreadyExists => ExitCodes.Conflict,
        StatusCode.Unavailable or StatusCode.DeadlineExceeded or StatusCode.ResourceExhausted => ExitCodes.Unavailable,
        StatusCode.Cancelled => ExitCodes.Cancelled,
        _ => ExitCodes.ServerError,
    };

    /// <summary>"not found: Leistung 99999 does not exist", with a hint where the status alone leaves the operator guessing.</summary>
    public static string Describe(RpcException e, Uri endpoint)
    {
        var detail = string.IsNullOrWhiteSpace(e.Status.Detail) ? "(no detail from the server)" : e.Status.Detail;
        var hint = e.StatusCode switch
        {
            StatusCode.Unauthenticated => $" (give a token with --token-file, {TokenSource.TokenVariable} or {TokenSource.TokenFileVariable})",
            StatusCode.PermissionDenied => " (the token's role or IT-Dienstleister may not do this)",
            StatusCode.DeadlineExceeded => " (no answer within the timeout; raise it with --timeout)",
            StatusCode.ResourceExhausted => " (rate limit; try again shortly)",
            StatusCode.Unimplemented => " (the server does not know this call: is it an older OzgGrid?)",
            _ => "",
        };
        return $"{Name(e.StatusCode)}: {detail}{hint} [{endpoint}]";
    }

    /// <summary>
    /// The endpoint answered that it speaks HTTP/1.1 only (HTTP/2 error HTTP_1_1_REQUIRED): not a gRPC endpoint, e.g. a
    /// silo's operations port given by mistake. Not a fault of the server, though gRPC reports it as INTERNAL.
    /// </summary>
    public static bool IsHttp1Endpoint(RpcException e)
    {
        const long Http11Required = 0xd;
        for (var cause = e.Status.DebugException; cause is not null; cause = cause.InnerException)
        {
            if (cause is HttpProtocolException { ErrorCode: Http11Required })
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The status as the gRPC docs spell it, lower case: "failed precondition".</summary>
    public static string Name(StatusCode status) => status switch
    {
        StatusCode.InvalidArgument => "invalid argument",
        StatusCode.NotFound => "not found",
        StatusCode.Unauthenticated => "unauthenticated",
        StatusCode.PermissionDenied => "permission denied",
        StatusCode.FailedPrecondition => "failed precondition",
        StatusCode.AlreadyExists => "already exists",
        StatusCode.ResourceExhausted => "resource exhausted",
        StatusCode.DeadlineExceeded => "deadline exceeded",
        StatusCode.OutOfRange => "out of range",
        StatusCode.DataLoss => "data loss",
        _ => status.ToString().ToLowerInvariant(),
    };
}
