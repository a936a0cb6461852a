using Grpc.Core;
using Grpc.Core.Interceptors;
using Microsoft.Extensions.Options;
using OzgGrid.Gateway.Identity;

namespace OzgGrid.Gateway.Streams;

/// <summary>
/// Every stream takes a slot of <see cref="StreamLimiter"/> for as long as it runs, whatever ends it: the client, an
/// error, a cut-off, shutdown. Server streams (gRPC or the programme page's events, which come through the same
/// interceptors), and client streams (an import's rows), whose rows the gateway holds until the stream ends; a client
/// stream that pauses longer than <see cref="StreamLimitOptions.ImportIdleTimeout"/> is ended.
/// </summary>
public sealed class StreamLimitInterceptor(StreamLimiter limiter, IOptions<StreamLimitOptions> options) : Interceptor
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
        var idleTimeout = options.Value.ImportIdleTimeout;
        return await continuation(idleTimeout > TimeSpan.Zero ? new IdleLimitedStreamReader<TRequest>(requestStream, idleTimeout) : requestStream, context);
    }
}
