using Grpc.Core;
using Grpc.Net.Client;
using Grpc.Net.Client.Balancer;
using Grpc.Net.Client.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace OzgGrid.Silo.Tests.Processes;

/// <summary>A client channel that spreads calls round-robin over several silos and moves on when one dies.</summary>
public static class BalancedChannel
{
    public static GrpcChannel Create(IEnumerable<int> grpcPorts, string token)
    {
        var addresses = grpcPorts.Select(port => new BalancerAddress("127.0.0.1", port)).ToList();
        var services = new ServiceCollection();
        services.AddSingleton<ResolverFactory>(new StaticResolverFactory(_ => addresses));
        var credentials = CallCredentials.FromInterceptor((_, metadata) =>
        {
            metadata.Add("Authorization", $"Bearer {token}");
            return Task.CompletedTask;
        });
        return GrpcChannel.ForAddress("static:///ozggrid", new GrpcChannelOptions
        {
            Credentials = ChannelCredentials.Create(ChannelCredentials.Insecure, credentials),
            UnsafeUseInsecureChannelCallCredentials = true,
            ServiceConfig = new ServiceConfig { LoadBalancingConfigs = { new RoundRobinConfig() } },
            ServiceProvider = services.BuildServiceProvider(),
        });
    }
}
