using OzgGrid.Benchmarks.Hosting;
using OzgGrid.Benchmarks.Load;
using OzgGrid.Benchmarks.Tests.Hosting;
using OzgGrid.Benchmarks.Throughput;
using Xunit.Abstractions;

namespace OzgGrid.Benchmarks.Tests.Throughput;

/// <summary>Smoke tests of P1 and P2 (on Azurite and on PostgreSQL) in quick mode: the harness measures both sides and prints the ratio (the figures are not judged).</summary>
public sealed class ThroughputBenchmarkTests(ITestOutputHelper testOutput)
{
    private static readonly ThroughputOptions Quick = new ThroughputOptions(1, 1, 1, 1, 1, 0, Quick: false).AsQuick();

    [Fact]
    public async Task P1_in_quick_mode_measures_OzgGrid_the_bare_grpc_service_and_the_no_op_grain_floor_and_prints_their_ratios()
    {
        var (runs, report) = await QuickRun.RunAsync(testOutput, (output, cancellationToken) =>
            new ThroughputBenchmark(ThroughputScenario.P1, Quick, azuriteConnectionString: null, output).RunAsync(cancellationToken));

        var run = Assert.Single(runs);
        AssertSane(run);
        var floor = Assert.IsType<LoadResult>(run.Floor);
        Assert.True(floor.Completed > 0 && floor.Failed == 0, $"The floor completed {floor.Completed} calls, {floor.Failed} failed.");
        Assert.True(double.IsFinite(run.FloorRatio) && run.FloorRatio > 0, $"The floor ratio is {run.FloorRatio}.");
        Assert.True(run.OzgGrid.AllocatedBytesPerCall > 0, "Allocations were not measured.");
        Assert.Contains("## P1", report);
        Assert.Contains("| ratio OzgGrid / baseline |", report);
        Assert.Contains("| ratio OzgGrid / floor |", report);
        Assert.Contains("not judged in quick mode", report);
    }

    [Fact]
    public async Task P2_in_quick_mode_measures_OzgGrid_on_Azurite_and_raw_table_upserts_and_prints_their_ratio()
    {
        var (runs, report) = await QuickRun.RunAsync(testOutput, (output, cancellationToken) =>
            new ThroughputBenchmark(ThroughputScenario.P2, Quick, TestStorage.ConnectionString, output).RunAsync(cancellationToken));

        AssertSane(Assert.Single(runs));
        Assert.Contains("## P2", report);
        Assert.Contains("Leistung state entities", report);
        Assert.Contains("| ratio OzgGrid / baseline |", report);
    }

    [Fact]
    public async Task P2_on_PostgreSQL_in_quick_mode_measures_OzgGrid_and_raw_Npgsql_upserts_of_the_rows_it_wrote_and_prints_their_ratio()
    {
        // The benchmark finds its PostgreSQL as `./ozg bench p2-postgres` hands it over; here: the tests' server.
        Environment.SetEnvironmentVariable(BenchmarkHost.PostgresConnectionStringVariable, TestStorage.PostgresConnectionString);

        var (runs, report) = await QuickRun.RunAsync(testOutput, (output, cancellationToken) =>
            new ThroughputBenchmark(ThroughputScenario.P2Postgres, Quick, azuriteConnectionString: null, output).RunAsync(cancellationToken));

        AssertSane(Assert.Single(runs));
        Assert.Contains("## P2-POSTGRES", report);
        Assert.Contains("writes of leistung rows", report);
        Assert.Contains("| ratio OzgGrid / baseline |", report);
    }

    private static void AssertSane(ThroughputRunResult run)
    {
        Assert.True(run.OzgGrid.Completed > 0, "OzgGrid completed no call.");
        Assert.True(run.Baseline.Completed > 0, "The baseline completed no call.");
        Assert.Equal(0, run.OzgGrid.Failed);
        Assert.Equal(0, run.Baseline.Failed);
        Assert.True(run.OzgGrid.Latency.P50 > 0 && run.Baseline.Latency.P50 > 0, "A latency was not measured.");
        Assert.True(double.IsFinite(run.Ratio) && run.Ratio > 0, $"The ratio is {run.Ratio}.");
    }
}
