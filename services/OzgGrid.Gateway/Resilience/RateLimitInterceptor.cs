using System.Threading.RateLimiting;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Microsoft.Extensions.Options;
using OzgGrid.Gateway.Identity;

namespace OzgGrid.Gateway.Resilience;

/// <summary>
/// A token bucket per caller: one IT-Dienstleister flooding the gateway gets RESOURCE_EXHAUSTED, everyone else is
/// served as before.
/// </summary>
public sealed class RateLimitInterceptor(IOptions<RateLimitOptions> options) : Interceptor, IDisposable
{
    private readonly PartitionedRateLimiter<string> _limiter = PartitionedRateLimiter.Create<string, string>(caller =>
        RateLimitPartition.GetTokenBucketLimiter(caller, _ => new TokenBucketRateLimiterOptions
        {
            TokenLimit = Math.Max(1, options.Value.Burst),
            TokensPerPeriod = Math.Max(1, options.Value.PermitsPerSecond / 10),
            ReplenishmentPeriod = TimeSpan.FromMilliseconds(100),
            QueueLimit = 0,
            AutoReplenishment = true,
        }));

    public override Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        using var lease = Acquire(context);
        return continuation(request, context);
    }

    public override Task ServerStreamingServerHandler<TRequest, TResponse>(
        TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context,
        ServerStreamingServerMethod<TRequest, TResponse> continuation)
    {
        using var lease = Acquire(context);
        return continuation(request, responseStream, context);
    }

    /// <summary>An import stream counts as one call, however many rows it carries.</summary>
    public override Task<TResponse> ClientStreamingServerHandler<TRequest, TResponse>(
        IAsyncStreamReader<TRequest> requestStream, ServerCallContext context, ClientStreamingServerMethod<TRequest, TResponse> continuation)
    {
        using var lease = Acquire(context);
        return continuation(requestStream, context);
    }

    public void Dispose() => _limiter.Dispose();

    private RateLimitLease? Acquire(ServerCallContext context)
    {
        if (options.Value.PermitsPerSecond <= 0)
        {
            return null;
        }

        var caller = context.CallerKey();
        var lease = _limiter.AttemptAcquire(caller);
        if (lease.IsAcquired)
        {
            return lease;
        }

        lease.Dispose();
        throw new RpcException(new Status(StatusCode.ResourceExhausted,
            $"Rate limit of {options.Value.PermitsPerSecond} calls/s (bursts of {options.Value.Burst}) for {caller} exceeded; slow down and retry."));
    }
}
