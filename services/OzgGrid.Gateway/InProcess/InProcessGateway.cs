using Google.Protobuf.Reflection;
using Grpc.AspNetCore.Server;
using Grpc.Core;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using OzgGrid.Gateway.Policies;

namespace OzgGrid.Gateway.InProcess;

/// <summary>
/// Calls a gateway service from inside the host (the programme page) through the interceptors registered for gRPC, in
/// their order: the same error mapping, access check, rate limit, timeout and circuit breaker as a gRPC client gets,
/// all read from the method's <see cref="RpcPolicy"/> (a method without one is refused). The caller is
/// <see cref="HttpContext.User"/>.
/// </summary>
public sealed class InProcessGateway(IOptions<GrpcServiceOptions> grpcOptions)
{
    public async Task<TResponse> UnaryAsync<TRequest, TResponse>(
        HttpContext http, MethodDescriptor method, TRequest request, UnaryServerMethod<TRequest, TResponse> handler)
        where TRequest : class
        where TResponse : class
    {
        using var interceptors = new InterceptorLease(grpcOptions.Value.Interceptors, http.RequestServices);
        var call = interceptors.InnermostFirst.Aggregate(handler, (next, interceptor) =>
            (inner, context) => interceptor.UnaryServerHandler(inner, context, next));
        return await call(request, new InProcessCallContext(RpcPolicy.PathOf(method), http));
    }

    public async Task ServerStreamingAsync<TRequest, TResponse>(
        HttpContext http, MethodDescriptor method, TRequest request, IServerStreamWriter<TResponse> stream,
        ServerStreamingServerMethod<TRequest, TResponse> handler)
        where TRequest : class
        where TResponse : class
    {
        using var interceptors = new InterceptorLease(grpcOptions.Value.Interceptors, http.RequestServices);
        var call = interceptors.InnermostFirst.Aggregate(handler, (next, interceptor) =>
            (inner, writer, context) => interceptor.ServerStreamingServerHandler(inner, writer, context, next));
        await call(request, stream, new InProcessCallContext(RpcPolicy.PathOf(method), http));
    }
}
