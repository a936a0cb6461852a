using Grpc.Core;
using Grpc.Core.Interceptors;
using OzgGrid.Gateway.Identity;

namespace OzgGrid.Gateway.Streams;

/// <summary>
/// Every stream takes a slot of <see cref="StreamLimiter"/> for as long as it runs, whatever ends it: the client, an
/// error, a cut-off, shutdown. Server streams (gRPC or the programme page's events, which come through the same
/// interceptors), and client streams (an import's rows), whose rows the gateway holds until the stream ends.
/// </summary>
public sealed class StreamLimitInterceptor(StreamLimiter limiter) : Interceptor
{
    public override async Task ServerStreamingServerHandler<TRequest, TResponse>(
        TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context,
        ServerStreamingServerMethod<TRequest, TResponse> continuation)
    {
        using var slot = limiter.Open(context.CallerKey());
        await continuation(request, responseStream, context);
    }

    public override async Task<TResponse> ClientStreamingServerHandler<TRequest, TResponse>(
        IAsyncStreamReader<TRequest> requestStream, ServerCallContext context, ClientStreamingServerMethod<TRequest, TResponse> continuation)
    {
        using var slot = limiter.Open(context.CallerKey());
        return await continuation(requestStream, context);
    }
}
