using OzgGrid.Benchmarks.Hosting;

namespace OzgGrid.Benchmarks.Throughput;

/// <summary>
/// P1 or P2: OzgGrid's UpdateLeistungStatus throughput on <paramref name="Storage"/> against a baseline from the same
/// run; the target is a ratio OzgGrid / baseline of at least <paramref name="TargetRatio"/>. With
/// <paramref name="FloorTargetRatio"/> the run also measures the floor (one no-op grain call behind the same gateway),
/// and OzgGrid / floor should reach that ratio.
/// </summary>
public sealed record ThroughputScenario(string Name, string Title, StorageKind Storage, string Baseline, double TargetRatio, double? FloorTargetRatio = null)
{
    public static readonly ThroughputScenario P1 = new(
        "p1",
        "status-update throughput over gRPC, memory storage, against a bare grpc-dotnet service",
        StorageKind.Memory,
        "bare grpc-dotnet unary service (same proto, a prepared answer, no work) on Kestrel in this process",
        0.5,
        FloorTargetRatio: 0.7);

    public static readonly ThroughputScenario P2 = new(
        "p2",
        "status-update throughput over gRPC, Azure storage on Azurite, against raw Azure.Data.Tables upserts",
        StorageKind.Azurite,
        "raw Azure.Data.Tables UpsertEntity (replace) from this process to the same Azurite, entities of the size of OzgGrid's Leistung state",
        0.8);

    public static readonly ThroughputScenario P2Postgres = new(
        "p2-postgres",
        "status-update throughput over gRPC, PostgreSQL storage, against raw Npgsql upserts of the same rows",
        StorageKind.Postgres,
        "raw Npgsql upserts (INSERT … ON CONFLICT DO UPDATE, autocommit) from this process to the same PostgreSQL, in a table " +
        "shaped like OzgGrid's OrleansStorage: per call one row of each kind OzgGrid's updates wrote, of the median size OzgGrid stored",
        0.8);

    public bool MeasuresFloor => FloorTargetRatio is not null;
}
