using Google.Protobuf.WellKnownTypes;
using Grpc.AspNetCore.Server;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Microsoft.Extensions.DependencyInjection;
using OzgGrid.Gateway.Grpc;
using OzgGrid.Protos.V1;

namespace OzgGrid.Benchmarks.Throughput;

/// <summary>
/// P1's floor: the innermost interceptor of a host, after the gateway's own (errors, access, rate limit, resilience).
/// An UpdateLeistungStatus call makes one call of the <see cref="INoOpGrain"/> of its OZG-ID and is answered with a
/// prepared response naming its request id, without reaching LeistungService; every other call passes through. The
/// grain's reference comes from the same cache as LeistungService's, so that the floor pays what the update pays for it.
/// </summary>
public sealed class NoOpGrainInterceptor(GrainReferenceCache<INoOpGrain> grains) : Interceptor
{
    private static readonly LeistungStatus Status = new() { Reifegrad = 3, Phase = Umsetzungsphase.Pilotierung };
    private static readonly Timestamp ChangedAt = Timestamp.FromDateTimeOffset(DateTimeOffset.UnixEpoch);

    /// <summary>Adds it to a host's services, innermost: the gateway's interceptors were added before, so they run first.</summary>
    public static void Register(IServiceCollection services)
    {
        services.AddSingleton<NoOpGrainInterceptor>();
        services.Configure<GrpcServiceOptions>(options => options.Interceptors.Add<NoOpGrainInterceptor>());
    }

    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        if (request is not UpdateLeistungStatusRequest update)
        {
            return await continuation(request, context);
        }

        await grains.Get(update.OzgId).NothingAsync();
        var response = new UpdateLeistungStatusResponse
        {
            OzgId = update.OzgId,
            Version = 2,
            Status = Status,
            LastChange = new ChangeStamp { ChangedBy = "benchmark-no-op", ChangedAt = ChangedAt, RequestId = update.RequestId },
        };
        return (TResponse)(object)response;
    }
}
