using OzgGrid.Silo.Tests.Processes;
using Xunit.Abstractions;

namespace OzgGrid.Silo.Tests.Postgres;

/// <summary>Silos as separate processes forming one cluster through PostgreSQL membership, state and reminders.</summary>
[Collection(PostgresProcessClusterCollection.Name)]
public sealed class PostgresProcessClusterTests(PostgresProcessClusterFixture cluster, ITestOutputHelper output)
{
    /// <summary>24 Leistungen of the catalogue (10510 and 10523 are none) that no other test of the cluster writes.</summary>
    private static readonly int[] UnderLoad = [.. Enumerable.Range(10511, 12), .. Enumerable.Range(10524, 12)];

    [Fact]
    public Task A_silo_killed_under_load_loses_no_acknowledged_update_and_the_others_take_over() =>
        ClusterScenarios.KillOneSiloUnderLoadAsync(cluster, output, UnderLoad);

    [Fact]
    public Task After_every_silo_is_restarted_every_status_written_is_still_there() =>
        ClusterScenarios.RestartEverythingKeepsEveryStatusAsync(cluster, [.. Enumerable.Range(10550, 10)]);
}
