using Grpc.Core;
using Grpc.Net.Client;
using Grpc.Net.Client.Balancer;
using Grpc.Net.Client.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace OzgGrid.Benchmarks.Hosting;

/// <summary>A client channel that spreads calls round-robin over several silos and moves on when one is down, as a client of a cluster does.</summary>
public static class BalancedChannel
{
    /// <summary>A channel to the gRPC ports of <paramref name="grpcPorts"/> whose calls carry <paramref name="token"/> (none when null).</summary>
    public static GrpcChannel Create(IEnumerable<int> grpcPorts, string? token)
    {
        var addresses = grpcPorts.Select(port => new BalancerAddress("127.0.0.1", port)).ToList();
        var services = new ServiceCollection();
        services.AddSingleton<ResolverFactory>(new StaticResolverFactory(_ => addresses));
        var options = new GrpcChannelOptions
        {
            Credentials = ChannelCredentials.Insecure,
            ServiceConfig = new ServiceConfig { LoadBalancingConfigs = { new RoundRobinConfig() } },
            ServiceProvider = services.BuildServiceProvider(),
        };
        if (token is not null)
        {
            var credentials = CallCredentials.FromInterceptor((_, metadata) =>
            {
                metadata.Add("Authorization", $"Bearer {token}");
                return Task.CompletedTask;
            });
            options.Credentials = ChannelCredentials.Create(ChannelCredentials.Insecure, credentials);
            options.UnsafeUseInsecureChannelCallCredentials = true;
        }

        return GrpcChannel.ForAddress("static:///ozggrid", options);
    }
}
