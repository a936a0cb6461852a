using Grpc.Core;
using Grpc.Core.Interceptors;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Hosting;
using OzgGrid.Gateway.Policies;

namespace OzgGrid.Gateway.Identity;

/// <summary>
/// Enforces the access part of <see cref="RpcPolicies"/> before any handler runs: no valid token → UNAUTHENTICATED (saying why the token
/// was refused), a role not allowed → PERMISSION_DENIED (saying which roles are).
/// </summary>
public sealed class AccessInterceptor(IHostEnvironment environment) : Interceptor
{
    public override Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        EnsureAllowed(context, environment.IsDevelopment());
        return continuation(request, context);
    }

    public override Task ServerStreamingServerHandler<TRequest, TResponse>(
        TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context,
        ServerStreamingServerMethod<TRequest, TResponse> continuation)
    {
        EnsureAllowed(context, environment.IsDevelopment());
        return continuation(request, responseStream, context);
    }

    public override Task<TResponse> ClientStreamingServerHandler<TRequest, TResponse>(
        IAsyncStreamReader<TRequest> requestStream, ServerCallContext context, ClientStreamingServerMethod<TRequest, TResponse> continuation)
    {
        EnsureAllowed(context, environment.IsDevelopment());
        return continuation(requestStream, context);
    }

    public override Task DuplexStreamingServerHandler<TRequest, TResponse>(
        IAsyncStreamReader<TRequest> requestStream, IServerStreamWriter<TResponse> responseStream, ServerCallContext context,
        DuplexStreamingServerMethod<TRequest, TResponse> continuation)
    {
        EnsureAllowed(context, environment.IsDevelopment());
        return continuation(requestStream, responseStream, context);
    }

    private static void EnsureAllowed(ServerCallContext context, bool isDevelopment)
    {
        var policy = RpcPolicies.Find(context.Method);
        if (policy is not null && policy.IsAnonymousIn(isDevelopment))
        {
            return;
        }

        var http = context.GetHttpContext();
        var user = http.User;
        if (user.Identity?.IsAuthenticated != true)
        {
            var failure = http.Features.Get<IAuthenticateResultFeature>()?.AuthenticateResult?.Failure?.Message;
            throw new RpcException(new Status(StatusCode.Unauthenticated, failure is null
                ? "Send a bearer token in the authorization header (`./ozg token` issues one for local use)."
                : $"The bearer token was refused: {failure}"));
        }

        if (policy is null)
        {
            throw new RpcException(new Status(StatusCode.PermissionDenied, $"{context.Method} is not open to any role."));
        }

        var allowed = policy.Roles;
        if (!allowed.Any(user.IsInRole))
        {
            var held = user.FindAll(AccessTokens.RoleClaim).Select(c => c.Value).DefaultIfEmpty("no role");
            throw new RpcException(new Status(StatusCode.PermissionDenied,
                $"{context.Method} needs the role {string.Join(" or ", allowed)}; the token has {string.Join(", ", held)}."));
        }
    }
}
