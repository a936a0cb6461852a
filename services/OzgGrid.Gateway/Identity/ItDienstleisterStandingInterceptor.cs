using Grpc.Core;
using Grpc.Core.Interceptors;

namespace OzgGrid.Gateway.Identity;

/// <summary>
/// Refuses every call, reads and streams included, whose token names a deactivated IT-Dienstleister (PERMISSION_DENIED).
/// Runs after the access check, so it sees only authenticated callers.
/// </summary>
public sealed class ItDienstleisterStandingInterceptor(ItDienstleisterStanding standing) : Interceptor
{
    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        await standing.EnsureNotDeactivatedAsync(context.GetHttpContext().User);
        return await continuation(request, context);
    }

    public override async Task ServerStreamingServerHandler<TRequest, TResponse>(
        TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context,
        ServerStreamingServerMethod<TRequest, TResponse> continuation)
    {
        await standing.EnsureNotDeactivatedAsync(context.GetHttpContext().User);
        await continuation(request, responseStream, context);
    }

    public override async Task<TResponse> ClientStreamingServerHandler<TRequest, TResponse>(
        IAsyncStreamReader<TRequest> requestStream, ServerCallContext context, ClientStreamingServerMethod<TRequest, TResponse> continuation)
    {
        await standing.EnsureNotDeactivatedAsync(context.GetHttpContext().User);
        return await continuation(requestStream, context);
    }

    public override async Task DuplexStreamingServerHandler<TRequest, TResponse>(
        IAsyncStreamReader<TRequest> requestStream, IServerStreamWriter<TResponse> responseStream, ServerCallContext context,
        DuplexStreamingServerMethod<TRequest, TResponse> continuation)
    {
        await standing.EnsureNotDeactivatedAsync(context.GetHttpContext().User);
        await continuation(requestStream, responseStream, context);
    }
}
