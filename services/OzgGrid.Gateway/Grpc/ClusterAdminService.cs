using System.Reflection;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using OzgGrid.Protos.V1;

namespace OzgGrid.Gateway.Grpc;

public sealed class ClusterAdminService(IGrainFactory grains) : Protos.V1.ClusterAdminService.ClusterAdminServiceBase
{
    private static readonly string Version =
        typeof(ClusterAdminService).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";

    public override async Task<GetClusterResponse> GetCluster(GetClusterRequest request, ServerCallContext context)
    {
        var management = grains.GetGrain<IManagementGrain>(0);
        var hosts = await management.GetDetailedHosts(onlyActive: false);
        var statistics = await management.GetSimpleGrainStatistics();
        var perSilo = statistics.ToLookup(s => s.SiloAddress.ToString());

        return new GetClusterResponse
        {
            Version = Version,
            Silos =
            {
                hosts.OrderBy(h => h.SiloName).Select(host => new SiloInfo
                {
                    Address = host.SiloAddress.ToString(),
                    Name = host.SiloName,
                    Status = host.Status.ToString(),
                    StartedAt = Timestamp.FromDateTime(DateTime.SpecifyKind(host.StartTime, DateTimeKind.Utc)),
                    Activations = perSilo[host.SiloAddress.ToString()].Sum(s => s.ActivationCount),
                    Grains = { Counts(perSilo[host.SiloAddress.ToString()]) },
                }),
            },
            Grains = { Counts(statistics) },
        };
    }

    private static IEnumerable<GrainTypeCount> Counts(IEnumerable<SimpleGrainStatistic> statistics) =>
        statistics
            .GroupBy(s => ShortName(s.GrainType))
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new GrainTypeCount { GrainType = g.Key, Activations = g.Sum(s => s.ActivationCount) });

    /// <summary>"OzgGrid.Grains.Leistungen.LeistungGrain,OzgGrid.Grains" reads as "LeistungGrain".</summary>
    private static string ShortName(string grainType)
    {
        var name = grainType.Split(',')[0];
        return name[(name.LastIndexOf('.') + 1)..];
    }
}
