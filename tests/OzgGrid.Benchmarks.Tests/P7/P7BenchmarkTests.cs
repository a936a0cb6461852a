using OzgGrid.Benchmarks.Hosting;
using OzgGrid.Benchmarks.P7;
using OzgGrid.Benchmarks.Tests.Hosting;
using Xunit.Abstractions;

namespace OzgGrid.Benchmarks.Tests.P7;

/// <summary>Smoke test of P7 in quick mode: writes are applied alone and beside reads of every kind, both p99s and their ratio are printed (figures not judged).</summary>
public sealed class P7BenchmarkTests(ITestOutputHelper testOutput)
{
    [Fact]
    public async Task P7_in_quick_mode_measures_writes_alone_and_with_as_of_and_history_reads_and_prints_the_p99_ratio()
    {
        var quick = new P7Options(1, 1, 1, 0, 0, 0, 1, 0, StorageKind.Memory).AsQuick();

        var (runs, report) = await QuickRun.RunAsync(testOutput, (output, cancellationToken) =>
            new P7WritesUnderReads(quick, output).RunAsync(cancellationToken));

        var run = Assert.Single(runs);
        Assert.True(run.Clean, "A write or read failed, or nothing was read.");
        Assert.True(run.WithoutReads.Applied > 0 && run.WithReads.Applied > 0, "No write was applied in a phase.");
        var reads = Assert.IsType<ReadLoad>(run.WithReads.Reads);
        Assert.True(reads.Figures > 0 && reads.LeistungAsOf > 0 && reads.Changes > 0, "A kind of read was never answered.");
        Assert.True(double.IsFinite(run.P99Ratio) && run.P99Ratio > 0, $"The p99 ratio is {run.P99Ratio}.");
        Assert.Contains("## P7", report);
        Assert.Contains("| write p99 with reads / alone |", report);
        Assert.Contains("(quick mode: not meaningful)", report);
    }
}
