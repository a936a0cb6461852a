using System.Globalization;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Microsoft.Extensions.Logging;
using OzgGrid.Gateway.Rest;
using OzgGrid.Gateway.Validation;
using OzgGrid.Grains.Abstractions.Errors;
using Orleans.Runtime;
using Orleans.Storage;

namespace OzgGrid.Gateway.Errors;

/// <summary>
/// Turns what grains throw into gRPC statuses, in one place: domain errors into the status a caller can act on,
/// cluster and storage faults into UNAVAILABLE (retry later), anything else into INTERNAL without internals.
/// </summary>
public sealed class DomainErrorInterceptor(ILogger<DomainErrorInterceptor> logger) : Interceptor
{
    public const string CurrentVersionTrailer = "ozg-current-version";

    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            return await continuation(request, context);
        }
        catch (Exception exception) when (exception is not RpcException)
        {
            throw ToRpcException(exception, context);
        }
        catch (RpcException refused) when (refused.Status.Detail.Length > RequestGuard.MaxDetailLength)
        {
            throw new RpcException(new Status(refused.StatusCode, RequestGuard.Limit(refused.Status.Detail)), refused.Trailers);
        }
    }

    public override async Task ServerStreamingServerHandler<TRequest, TResponse>(
        TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context,
        ServerStreamingServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            await continuation(request, responseStream, context);
        }
        catch (Exception exception) when (exception is not RpcException)
        {
            throw ToRpcException(exception, context);
        }
        catch (RpcException refused) when (refused.Status.Detail.Length > RequestGuard.MaxDetailLength)
        {
            throw new RpcException(new Status(refused.StatusCode, RequestGuard.Limit(refused.Status.Detail)), refused.Trailers);
        }
    }

    public override async Task<TResponse> ClientStreamingServerHandler<TRequest, TResponse>(
        IAsyncStreamReader<TRequest> requestStream, ServerCallContext context, ClientStreamingServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            return await continuation(requestStream, context);
        }
        catch (Exception exception) when (exception is not RpcException)
        {
            throw ToRpcException(exception, context);
        }
        catch (RpcException refused) when (refused.Status.Detail.Length > RequestGuard.MaxDetailLength)
        {
            throw new RpcException(new Status(refused.StatusCode, RequestGuard.Limit(refused.Status.Detail)), refused.Trailers);
        }
    }

    private RpcException ToRpcException(Exception exception, ServerCallContext context)
    {
        var mapped = Map(exception, context);
        return new RpcException(new Status(mapped.StatusCode, RequestGuard.Limit(mapped.Status.Detail)), mapped.Trailers);
    }

    private RpcException Map(Exception exception, ServerCallContext context)
    {
        switch (exception)
        {
            case InvalidFieldException invalid:
                return new RpcException(new Status(StatusCode.InvalidArgument, $"{invalid.Field}: {invalid.Message}"));
            case RequestIdReusedException reused:
                return new RpcException(new Status(StatusCode.InvalidArgument, $"request_id: {reused.Message}"));
            case NotFoundException notFound:
                return new RpcException(new Status(StatusCode.NotFound, notFound.Message));
            case VersionConflictException conflict when RestJson.IsTranscoded(context):
                return RestJson.VersionConflict(context, conflict.CurrentVersion, conflict.Message);
            case VersionConflictException conflict:
                var trailers = new Metadata { { CurrentVersionTrailer, conflict.CurrentVersion.ToString(CultureInfo.InvariantCulture) } };
                return new RpcException(new Status(StatusCode.FailedPrecondition, conflict.Message), trailers);
            case AccessDeniedException denied:
                return new RpcException(new Status(StatusCode.PermissionDenied, denied.Message));
            case CollectionLimitException limit:
                return new RpcException(new Status(StatusCode.ResourceExhausted, limit.Message));
            case RuleViolationException rule:
                return new RpcException(new Status(StatusCode.FailedPrecondition, rule.Message));
            case InconsistentStateException:
                // Another activation wrote first (ETag mismatch): a concurrency conflict, not a transient fault.
                return new RpcException(new Status(StatusCode.Aborted, "The change collided with another one; read the current state and retry."));
            case OperationCanceledException when context.CancellationToken.IsCancellationRequested:
                return new RpcException(new Status(StatusCode.Cancelled, "The call was cancelled or its deadline passed."));
            case TimeoutException or OrleansException:
                logger.LogWarning(exception, "{Method}: cluster or storage unavailable", context.Method);
                return new RpcException(new Status(StatusCode.Unavailable, "OzgGrid cannot reach its cluster or storage right now; retry shortly."));
            default:
                logger.LogError(exception, "{Method} failed", context.Method);
                return new RpcException(new Status(StatusCode.Internal, "An internal error occurred; it has been logged."));
        }
    }
}
