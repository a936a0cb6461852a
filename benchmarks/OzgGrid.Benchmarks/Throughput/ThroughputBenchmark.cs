using System.Globalization;
using OzgGrid.Benchmarks.Hosting;
using OzgGrid.Benchmarks.Load;
using OzgGrid.Benchmarks.Measurement;
using OzgGrid.Silo.Postgres;

namespace OzgGrid.Benchmarks.Throughput;

/// <summary>
/// P1 and P2: completed UpdateLeistungStatus calls per second under a closed-loop load, and the same load generator's
/// figure against a baseline in the same run. Per run: a fresh OzgGrid host is started, loaded and stopped, then the
/// baseline is started, loaded and stopped, so the two never compete for the CPU. (P2's baseline writes entities of the
/// size OzgGrid's Leistung state entities had at the end of OzgGrid's measurement; P2 on PostgreSQL upserts, per call,
/// one row of each kind OzgGrid wrote during its load, of the median size.) P1 also measures its floor, a fresh
/// host whose updates are one call of a grain that does nothing (<see cref="NoOpGrainInterceptor"/>), in the same way.
/// </summary>
public sealed class ThroughputBenchmark(ThroughputScenario scenario, ThroughputOptions options, string? azuriteConnectionString, TextWriter output)
{
    /// <summary>Orleans' Azure storage keeps a Leistung's state in an entity with the row key "leistung", its history in a blob "leistung-history-…".</summary>
    private const string LeistungEntitySuffix = "/leistung";
    private const string LeistungHistoryPrefix = "blob:leistung-history-";

    /// <summary>Runs the benchmark: every counted run's result (warm-up runs are printed only).</summary>
    public async Task<IReadOnlyList<ThroughputRunResult>> RunAsync(CancellationToken cancellationToken)
    {
        var machine = MachineInfo.Read();
        RunSeries.WriteStart(output, scenario.Name.ToUpperInvariant(), options.ToArguments(scenario.Name), machine);
        var runs = await RunSeries.RunAsync(options.Runs, options.WarmupRuns, run => RunOnceAsync(run, cancellationToken), (result, warmup) =>
        {
            if (warmup)
            {
                output.WriteLine("(warm-up run, not counted)");
            }

            ThroughputReport.WriteRun(output, result);
        });

        ThroughputReport.WriteSummary(output, scenario, options, machine, runs);
        return runs;
    }

    private async Task<ThroughputRunResult> RunOnceAsync(int run, CancellationToken cancellationToken)
    {
        var loadAverage = MachineInfo.Read().LoadAverage;
        var settings = new BenchmarkHostSettings(scenario.Storage, azuriteConnectionString);

        LoadResult ozgGrid;
        var (entityBytes, historyBytes) = (0, 0);
        IReadOnlyList<StoredRowKind> rowsWritten = [];
        await using (var side = await OzgGridSide.StartAsync(settings, options, cancellationToken))
        {
            output.WriteLine($"run {run}: OzgGrid host at {side.Host.Address} ({scenario.Storage.ToString().ToLowerInvariant()} storage)");
            if (scenario.Storage == StorageKind.Postgres && side.Host is { ConnectionString: { } database, StorageName: { } serviceId })
            {
                var before = await PostgresStoredRows.TakeAsync(database, serviceId, cancellationToken);
                ozgGrid = await LoadAsync(side, cancellationToken);
                rowsWritten = PostgresStoredRows.WrittenDuring(before, await PostgresStoredRows.TakeAsync(database, serviceId, cancellationToken));
                foreach (var kind in rowsWritten)
                {
                    output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"  written during the load: {kind.Writes:N0} writes of {kind.Kind} rows ({kind.Rows:N0} rows), median {kind.MedianPayloadBytes:N0} bytes"));
                }
            }
            else
            {
                ozgGrid = await LoadAsync(side, cancellationToken);
            }

            if (scenario.Storage == StorageKind.Azurite && side.Host is { ConnectionString: { } connectionString, StorageName: { } name })
            {
                var stored = await StorageSnapshot.TakeAsync(connectionString, name, name, cancellationToken);
                var (stateBytes, states) = stored.SizeOf("table:", LeistungEntitySuffix);
                var (historyMedian, histories) = stored.SizeOf(LeistungHistoryPrefix, string.Empty);
                (entityBytes, historyBytes) = ((int)stateBytes, (int)historyMedian);
                output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"  stored after the load: {states} Leistung state entities, median {stateBytes:N0} bytes of data; " +
                    $"{histories} history blobs, median {historyMedian:N0} bytes"));
            }
        }

        LoadResult baseline;
        await using (var side = await StartBaselineAsync(entityBytes, options.BaselineHistoryBlob ? historyBytes : 0, rowsWritten, cancellationToken))
        {
            baseline = await LoadAsync(side, cancellationToken);
        }

        LoadResult? floor = null;
        if (scenario.MeasuresFloor)
        {
            await using var side = await OzgGridSide.StartAsync(settings with { ConfigureServices = NoOpGrainInterceptor.Register }, options, cancellationToken);
            floor = await LoadAsync(side, cancellationToken);
        }

        return new ThroughputRunResult(run, baseline, ozgGrid, loadAverage, floor);
    }

    private async Task<IThroughputSide> StartBaselineAsync(
        int entityBytes, int historyBytes, IReadOnlyList<StoredRowKind> rowsWritten, CancellationToken cancellationToken) => scenario.Storage switch
    {
        StorageKind.Memory => await BareGrpcSide.StartAsync(options, cancellationToken),
        StorageKind.Postgres => await PostgresUpsertSide.StartAsync(
            PostgresConnectionDefaults.Apply(BenchmarkHost.PostgresConnectionString()), rowsWritten, options.Callers, cancellationToken),
        _ => await TableUpsertSide.StartAsync(
            azuriteConnectionString ?? BenchmarkHost.AzuriteConnectionString(), entityBytes, historyBytes, options.Callers, cancellationToken),
    };

    private Task<LoadResult> LoadAsync(IThroughputSide side, CancellationToken cancellationToken) => ClosedLoopLoad.RunAsync(
        options.Callers, (TimeSpan.FromSeconds(options.WarmupSeconds), options.MaxWarmup), TimeSpan.FromSeconds(options.Seconds), side.CallAsync, cancellationToken);
}
