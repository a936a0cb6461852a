using System.Reflection;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using OzgGrid.Protos.V1;

namespace OzgGrid.Gateway.Grpc;

public sealed class ClusterAdminService(IGrainFactory grains) : Protos.V1.ClusterAdminService.ClusterAdminServiceBase
{
    private static readonly string Version =
        typeof(ClusterAdminService).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";

    /// <summary>How long one silo may take to tell its activations; a silo that just died would hold up the whole answer.</summary>
    private static readonly TimeSpan StatisticsTimeout = TimeSpan.FromSeconds(2);

    public override async Task<GetClusterResponse> GetCluster(GetClusterRequest request, ServerCallContext context)
    {
        var management = grains.GetGrain<IManagementGrain>(0);
        var hosts = await management.GetDetailedHosts(onlyActive: false);

        // Silo by silo, so that one that does not answer (dead, not yet declared so) leaves the others' figures.
        var active = hosts.Where(host => host.Status == SiloStatus.Active).ToList();
        var answers = await Task.WhenAll(active.Select(host => StatisticsOfAsync(management, host.SiloAddress, context.CancellationToken)));
        var unknown = active.Zip(answers).Where(pair => pair.Second is null).Select(pair => pair.First.SiloAddress).ToHashSet();
        var statistics = answers.OfType<SimpleGrainStatistic[]>().SelectMany(silo => silo).ToList();
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
                    ActivationsUnknown = unknown.Contains(host.SiloAddress),
                }),
            },
            Grains = { Counts(statistics) },
        };
    }

    private static async Task<SimpleGrainStatistic[]?> StatisticsOfAsync(IManagementGrain management, SiloAddress silo, CancellationToken cancellationToken)
    {
        try
        {
            return await management.GetSimpleGrainStatistics([silo], cancellationToken).WaitAsync(StatisticsTimeout, cancellationToken);
        }
        catch (Exception exception) when (exception is TimeoutException or OrleansException)
        {
            return null;
        }
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
