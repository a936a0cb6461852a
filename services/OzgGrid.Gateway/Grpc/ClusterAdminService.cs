using System.Reflection;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using OzgGrid.Grains.Abstractions.Cluster;
using OzgGrid.Grains.Cluster;
using OzgGrid.Protos.V1;

namespace OzgGrid.Gateway.Grpc;

/// <summary>
/// The silos and their activations. Nothing here goes through the grain directory (as Orleans' management grain
/// does): right after a silo dies, the directory's partition on it would fail the whole answer until the cluster has
/// declared it dead — just when an administrator looks.
/// </summary>
public sealed class ClusterAdminService(IMembershipTable membership, SiloActivationsClient activations)
    : Protos.V1.ClusterAdminService.ClusterAdminServiceBase
{
    private static readonly string Version =
        typeof(ClusterAdminService).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";

    /// <summary>How long one silo may take to tell its activations; a silo that just died would hold up the whole answer.</summary>
    private static readonly TimeSpan ActivationsTimeout = TimeSpan.FromSeconds(2);

    public override async Task<GetClusterResponse> GetCluster(GetClusterRequest request, ServerCallContext context)
    {
        // The membership table as stored: every silo that has joined, with its status as the cluster last agreed on it.
        var table = await membership.ReadAllAsync(context.CancellationToken);
        var hosts = table.Members.Select(member => member.Item1).ToList();

        // Silo by silo, so that one that does not answer (dead, not yet declared so) leaves the others' figures.
        var active = hosts.Where(host => host.Status == SiloStatus.Active).ToList();
        var answers = await Task.WhenAll(active.Select(host => ActivationsOfAsync(host.SiloAddress, context.CancellationToken)));
        var perSilo = active.Zip(answers).ToDictionary(pair => pair.First.SiloAddress, pair => pair.Second);

        return new GetClusterResponse
        {
            Version = Version,
            Silos =
            {
                hosts.OrderBy(h => h.SiloName, StringComparer.Ordinal).Select(host =>
                {
                    var counts = perSilo.GetValueOrDefault(host.SiloAddress);
                    return new SiloInfo
                    {
                        Address = host.SiloAddress.ToString(),
                        Name = host.SiloName,
                        Status = host.Status.ToString(),
                        StartedAt = Timestamp.FromDateTime(DateTime.SpecifyKind(host.StartTime, DateTimeKind.Utc)),
                        Activations = counts?.Sum(c => c.Activations) ?? 0,
                        Grains = { Counts(counts ?? []) },
                        ActivationsUnknown = perSilo.ContainsKey(host.SiloAddress) && counts is null,
                    };
                }),
            },
            Grains = { Counts(answers.OfType<IReadOnlyList<GrainTypeActivations>>().SelectMany(silo => silo)) },
        };
    }

    private async Task<IReadOnlyList<GrainTypeActivations>?> ActivationsOfAsync(SiloAddress silo, CancellationToken cancellationToken)
    {
        try
        {
            return await activations.On(silo).GetActivationsAsync().WaitAsync(ActivationsTimeout, cancellationToken);
        }
        catch (Exception exception) when (exception is TimeoutException or OrleansException)
        {
            return null;
        }
    }

    private static IEnumerable<GrainTypeCount> Counts(IEnumerable<GrainTypeActivations> counts) =>
        counts
            .GroupBy(c => c.GrainClass)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new GrainTypeCount { GrainType = g.Key, Activations = g.Sum(c => c.Activations) });
}
