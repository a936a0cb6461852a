using OzgGrid.Benchmarks.Hosting;
using OzgGrid.Benchmarks.P3;
using OzgGrid.Benchmarks.Tests.Hosting;
using Xunit.Abstractions;

namespace OzgGrid.Benchmarks.Tests.P3;

/// <summary>Smoke test of P3 in quick mode: updates are applied, every watcher receives every one, the report is printed (figures not judged).</summary>
public sealed class P3BenchmarkTests(ITestOutputHelper testOutput)
{
    [Fact]
    public async Task P3_in_quick_mode_delivers_every_acknowledged_update_to_every_watcher_and_prints_the_latencies()
    {
        var quick = new P3Options(1, 1, 1, 1, 0, 0, 1, 1, 1, StorageKind.Memory, Batched: true).AsQuick();

        var (exitCode, report) = await QuickRun.RunAsync(testOutput, (output, cancellationToken) =>
            new P3MonitoringLatency(quick, output).RunAsync(cancellationToken));

        Assert.Equal(0, exitCode);
        Assert.Contains("## P3", report);
        Assert.Contains("| delivery p99 (ms) |", report);
        Assert.Contains("missing deliveries (not arrived within the drain time) 0 of", report);
        Assert.Contains("not judged in quick mode", report);
    }
}
